import type { TAdminScope } from '@puffy/contracts';
import { NavLink, Route, Routes } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { RequireAuth } from '../../auth/require-auth';
import { SkeletonCard } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import AuditLogPage from './audit-log';
import CampaignEditorPage, { NewCampaignPage } from './campaign-editor';
import CampaignListPage from './campaign-list';
import CodesPage from './codes';
import FunnelPage from './funnel';
import MemberStandingPage from './member-standing';
import MembersPage from './members';
import OrdersPage from './orders';
import SecurityEventsPage from './security-events';
import SettingsPage from './settings';
import SnapshotUploadPage from './snapshot-upload';
import TreasuryPage from './treasury';

// Absolute: the console is a splat route, where a relative link resolves against the current
// sub-page (`/admin/orders` + `members`), so every menu entry would be dead after the first click.
const SECTIONS: { to: string; label: string; scope: TAdminScope }[] = [
  { to: '/admin/members', label: 'Members', scope: 'users' },
  { to: '/admin/audit', label: 'Audit log', scope: 'users' },
  { to: '/admin/security', label: 'Security events', scope: 'users' },
  { to: '/admin/campaigns', label: 'Campaigns', scope: 'campaigns' },
  { to: '/admin/funnel', label: 'Funnel', scope: 'campaigns' },
  { to: '/admin/settings', label: 'Settings', scope: 'settings' },
  { to: '/admin/orders', label: 'Orders', scope: 'orders' },
  { to: '/admin/treasury', label: 'Treasury', scope: 'orders' },
];

/**
 * The admin console's entry: its own chunk (members never download it) and its own door. Nothing of
 * the console renders until the session says this is an admin; each section shows only with its scope
 * (the server checks the same scopes on every call).
 */
export default function AdminPage() {
  return (
    <RequireAuth>
      <AdminConsole />
    </RequireAuth>
  );
}

function AdminConsole() {
  useDocumentTitle('Admin');
  const { user, status } = useAuth();
  if (status === 'loading') return <SkeletonCard />;
  if (user?.role !== 'admin') {
    return (
      <section className="card" data-testid="admin-refused">
        <h1>Admins only</h1>
        <p>This wallet is not an admin. Ask an operator to grant you access.</p>
      </section>
    );
  }
  const sections = SECTIONS.filter((s) => user.scopes.includes(s.scope));
  return (
    <div className="admin">
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to}>{s.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<AdminHome labels={sections.map((s) => s.label)} />} />
        {user.scopes.includes('users') && <Route path="members" element={<MembersPage />} />}
        {user.scopes.includes('users') && <Route path="members/:userId" element={<MemberStandingPage />} />}
        {user.scopes.includes('orders') && <Route path="orders" element={<OrdersPage />} />}
        {user.scopes.includes('orders') && <Route path="treasury" element={<TreasuryPage />} />}
        {user.scopes.includes('users') && <Route path="audit" element={<AuditLogPage />} />}
        {user.scopes.includes('users') && <Route path="security" element={<SecurityEventsPage />} />}
        {user.scopes.includes('campaigns') && (
          <Route path="campaigns">
            <Route index element={<CampaignListPage />} />
            <Route path="new" element={<NewCampaignPage />} />
            <Route path=":id" element={<CampaignEditorPage />} />
            <Route path=":id/snapshot" element={<SnapshotUploadPage />} />
            <Route path=":id/codes" element={<CodesPage />} />
          </Route>
        )}
        {user.scopes.includes('campaigns') && <Route path="funnel" element={<FunnelPage />} />}
        {user.scopes.includes('settings') && <Route path="settings" element={<SettingsPage />} />}
        <Route
          path="*"
          element={<p className="notice">This section is not there, or your scopes do not open it.</p>}
        />
      </Routes>
    </div>
  );
}

function AdminHome({ labels }: { labels: string[] }) {
  return (
    <section className="card">
      <h1>Admin console</h1>
      <p>
        {labels.length > 0
          ? `Your scopes open: ${labels.join(', ')}.`
          : 'You are an admin without scopes yet; ask another admin to grant some.'}
      </p>
    </section>
  );
}

import type { TAdminScope } from '@puffy/contracts';
import {
  ChartNoAxesColumn,
  ClipboardCheck,
  FolderTree,
  Landmark,
  type LucideIcon,
  Megaphone,
  Package,
  ScrollText,
  Settings,
  ShieldAlert,
  Store,
  Users,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { useAuth } from '../../auth/auth-context';
import { RequireAuth } from '../../auth/require-auth';
import { navLinkClass } from '../../components/nav-link-class';
import { SkeletonCard } from '../../components/skeleton';
import { Card } from '../../components/ui/card';
import { useDocumentTitle } from '../../lib/document-title';
import AuditLogPage from './audit-log';
import CampaignEditorPage, { NewCampaignPage } from './campaign-editor';
import CampaignListPage from './campaign-list';
import CodesPage from './codes';
import FunnelPage from './funnel';
import GroupsPage from './groups';
import MemberStandingPage from './member-standing';
import MembersPage from './members';
import OrdersPage from './orders';
import RequirementsBuilderPage from './requirements/builder-page';
import ReviewsPage from './reviews';
import SecurityEventsPage from './security-events';
import SettingsPage from './settings';
import SnapshotUploadPage from './snapshot-upload';
import StoreSettingsPage from './store-settings';
import TreasuryPage from './treasury';

// Absolute: the console is a splat route, where a relative link resolves against the current
// sub-page (`/admin/orders` + `members`), so every menu entry would be dead after the first click.
const SECTIONS: { to: string; key: string; icon: LucideIcon; scope: TAdminScope }[] = [
  { to: '/admin/campaigns', key: 'campaigns', icon: Megaphone, scope: 'campaigns' },
  { to: '/admin/groups', key: 'groups', icon: FolderTree, scope: 'campaigns' },
  { to: '/admin/reviews', key: 'reviews', icon: ClipboardCheck, scope: 'campaigns' },
  { to: '/admin/funnel', key: 'funnel', icon: ChartNoAxesColumn, scope: 'campaigns' },
  { to: '/admin/orders', key: 'orders', icon: Package, scope: 'orders' },
  { to: '/admin/treasury', key: 'treasury', icon: Landmark, scope: 'orders' },
  { to: '/admin/members', key: 'members', icon: Users, scope: 'users' },
  { to: '/admin/audit', key: 'audit', icon: ScrollText, scope: 'users' },
  { to: '/admin/security', key: 'security', icon: ShieldAlert, scope: 'users' },
  { to: '/admin/store', key: 'store', icon: Store, scope: 'settings' },
  { to: '/admin/settings', key: 'settings', icon: Settings, scope: 'settings' },
];

/** On a phone the menu is a sideways row: the open section's link scrolls itself into view. */
const keepOpenSectionInView = (link: HTMLAnchorElement | null) => {
  if (link?.getAttribute('aria-current') === 'page')
    link.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
};

/** One entry of the console's menu: the section's icon and name, lit while it is open. */
function SectionLink({ section, children }: { section: (typeof SECTIONS)[number]; children: string }) {
  return (
    <NavLink
      to={section.to}
      ref={keepOpenSectionInView}
      className={navLinkClass('flex items-center gap-2 whitespace-nowrap')}
    >
      <section.icon aria-hidden="true" className="size-4" />
      {children}
    </NavLink>
  );
}

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
  const { t } = useTranslation('admin');
  useDocumentTitle(t('title'));
  const { user, status } = useAuth();
  if (status === 'loading') return <SkeletonCard />;
  if (user?.role !== 'admin') {
    return (
      <Card data-testid="admin-refused">
        <h1 className="font-semibold text-2xl">{t('console.refusedTitle')}</h1>
        <p className="text-muted-foreground">{t('console.refused')}</p>
      </Card>
    );
  }
  const has = (scope: TAdminScope) => user.scopes.includes(scope);
  const sections = SECTIONS.filter((s) => has(s.scope));
  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <nav aria-label={t('console.menu')} className="min-w-0 lg:sticky lg:top-20 lg:self-start">
        {/* A row that scrolls sideways inside itself on a phone; a column beside the page from 1024 px. */}
        <ul className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 lg:mx-0 lg:flex-col lg:overflow-visible lg:px-0">
          {sections.map((s) => (
            <li key={s.to} className="shrink-0">
              <SectionLink section={s}>{t(`sections.${s.key}`)}</SectionLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0">
        <Routes>
          <Route index element={<AdminHome labels={sections.map((s) => t(`sections.${s.key}`))} />} />
          {has('users') && <Route path="members" element={<MembersPage />} />}
          {has('users') && <Route path="members/:userId" element={<MemberStandingPage />} />}
          {has('orders') && <Route path="orders" element={<OrdersPage />} />}
          {has('orders') && <Route path="treasury" element={<TreasuryPage />} />}
          {has('users') && <Route path="audit" element={<AuditLogPage />} />}
          {has('users') && <Route path="security" element={<SecurityEventsPage />} />}
          {has('campaigns') && (
            <Route path="campaigns">
              <Route index element={<CampaignListPage />} />
              <Route path="new" element={<NewCampaignPage />} />
              <Route path=":id" element={<CampaignEditorPage />} />
              <Route path=":id/snapshot" element={<SnapshotUploadPage />} />
              <Route path=":id/codes" element={<CodesPage />} />
              <Route path=":id/requirements" element={<RequirementsBuilderPage />} />
            </Route>
          )}
          {has('campaigns') && <Route path="groups" element={<GroupsPage />} />}
          {has('campaigns') && <Route path="reviews" element={<ReviewsPage />} />}
          {has('campaigns') && <Route path="funnel" element={<FunnelPage />} />}
          {has('settings') && <Route path="store" element={<StoreSettingsPage />} />}
          {has('settings') && <Route path="settings" element={<SettingsPage />} />}
          <Route
            path="*"
            element={
              <Card>
                <p>{t('console.missingSection')}</p>
              </Card>
            }
          />
        </Routes>
      </div>
    </div>
  );
}

function AdminHome({ labels }: { labels: string[] }) {
  const { t } = useTranslation('admin');
  return (
    <Card>
      <h1 className="font-semibold text-2xl">{t('console.heading')}</h1>
      <p className="text-muted-foreground">
        {labels.length > 0 ? t('console.opens', { sections: labels.join(', ') }) : t('console.noScopes')}
      </p>
    </Card>
  );
}

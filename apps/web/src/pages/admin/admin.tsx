import { ComingSoon } from '../../components/coming-soon';

/** The admin area's entry; its own chunk, so members never download the console. */
export default function AdminPage() {
  return (
    <ComingSoon
      title="Admin console"
      arrivesWith="the admin console"
      plans={[
        'Campaign builder: campaigns, groups, activities, promotions and eligibility methods.',
        'Holder snapshot import with live progress, referral codes and allow-lists.',
        'The orders desk, refunds and exports.',
        'The funnel, the audit log, security events and treasury reconciliation.',
      ]}
    >
      <p className="muted">Only signed-in admins will see it.</p>
    </ComingSoon>
  );
}

import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../campaigns/panel';

/** The profile's cards; each one's words are the profile catalog's section of the same name. */
export type ProfileSection =
  | 'wallets'
  | 'email'
  | 'x'
  | 'discord'
  | 'nfts'
  | 'referrals'
  | 'passes'
  | 'sessions';

/**
 * One card of the profile: titled `<section>.title` from the profile catalog, with `<section>.lead`
 * under the title when `withLead` says the card has one, and named by that title for screen readers.
 */
export function ProfilePanel({
  section,
  icon,
  withLead = false,
  children,
}: {
  section: ProfileSection;
  icon: LucideIcon;
  withLead?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('profile');
  return (
    <Panel
      titleId={`profile-${section}`}
      icon={icon}
      title={t(`${section}.title`)}
      description={withLead ? t(`${section}.lead`) : undefined}
    >
      {children}
    </Panel>
  );
}

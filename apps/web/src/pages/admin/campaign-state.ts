import type { TAdminCampaign } from '@puffy/contracts';

export type CampaignState = 'archived' | 'draft' | 'open' | 'paused';

/** Where a campaign stands for its operators: the list's badge and the builder's heading agree. */
export const stateOf = (c: Pick<TAdminCampaign, 'archivedAt' | 'isReady' | 'isActive'>): CampaignState =>
  c.archivedAt ? 'archived' : !c.isReady ? 'draft' : c.isActive ? 'open' : 'paused';

export const STATE_BADGE = {
  archived: 'outline',
  draft: 'secondary',
  open: 'success',
  paused: 'warning',
} as const;

import type { DialectKit } from '../pg/kit';
import { activityTables } from './activities';
import { campaignTables } from './campaigns';
import { catalogTables } from './catalog';
import { entitlementTables } from './entitlements';
import { identityTables } from './identity';
import { columnKit } from './kit';
import { nftTables } from './nfts';
import { orderTables } from './orders';
import { paymentTables } from './payments';
import { platformTables } from './platform';
import { referralTables } from './referrals';
import { seasonTables } from './seasons';
import { snapshotTables } from './snapshots';
import { socialTables } from './social';
import { taskTables } from './tasks';

/**
 * Every table, written once and built with one dialect's kit: ../pg/index.ts and ../sqlite/index.ts
 * call this, so the two schemas cannot drift apart. Domains come after the ones they reference.
 */
export function defineTables(dialect: DialectKit) {
  const kit = columnKit(dialect);
  const identity = identityTables(kit);
  const catalog = catalogTables(kit);
  const campaigns = campaignTables(kit, identity);
  const nfts = nftTables(kit, { ...identity, ...campaigns });
  const orders = orderTables(kit, { ...identity, ...catalog });
  const activities = activityTables(kit, { ...identity, ...campaigns });
  return {
    ...identity,
    ...catalog,
    ...campaigns,
    ...nfts,
    ...orders,
    ...activities,
    ...taskTables(kit, { ...identity, ...activities }),
    ...entitlementTables(kit, { ...identity, ...catalog, ...orders }),
    ...paymentTables(kit, { ...identity, ...nfts, ...orders }),
    ...platformTables(kit, { ...identity, ...campaigns }),
    ...referralTables(kit, { ...identity, ...campaigns }),
    ...snapshotTables(kit, { ...identity, ...campaigns }),
    ...seasonTables(kit, identity),
    ...socialTables(kit, { ...identity, ...campaigns, ...activities }),
  };
}

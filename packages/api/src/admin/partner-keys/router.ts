import { z } from 'zod';
import { actorOf } from '../../platform/audit';
import { router } from '../../trpc/init';
import { settingsDesk } from '../desks';
import {
  issuePartnerKey,
  listPartnerKeys,
  revokePartnerKey,
  ZPartnerKeyIssue,
  ZPartnerKeyIssued,
  ZPartnerKeyRevoke,
  ZPartnerKeyRow,
} from './service';

/** `admin.partnerKeys.*`: keys for the partner API, on the settings desk. */
export const partnerKeysRouter = router({
  partnerKeys: router({
    list: settingsDesk.output(z.array(ZPartnerKeyRow)).query(({ ctx }) => listPartnerKeys(ctx.deps)),
    issue: settingsDesk
      .input(ZPartnerKeyIssue)
      .output(ZPartnerKeyIssued)
      .mutation(({ ctx, input }) => issuePartnerKey(ctx.deps, actorOf(ctx), input)),
    revoke: settingsDesk
      .input(ZPartnerKeyRevoke)
      .output(ZPartnerKeyRow)
      .mutation(({ ctx, input }) => revokePartnerKey(ctx.deps, actorOf(ctx), input)),
  }),
});

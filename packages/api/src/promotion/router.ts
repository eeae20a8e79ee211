import {
  ZAlreadyPaid,
  ZAlreadyPaidInput,
  ZCompletePromotionInput,
  ZGasTransactionInput,
  ZMintGasInput,
  ZNftProgress,
  ZPaymentTransaction,
  ZPromotionClaim,
  ZPromotionStatusInput,
  ZRecordMintInput,
} from '@puffy/contracts';
import { router } from '../trpc/init';
import { authedProcedure } from '../trpc/procedures';
import { perMinute } from '../trpc/rate-rules';
import { byMember } from '../trpc/resolvers';
import { completePromotion } from './claim';
import { recordDirectMint } from './direct-mint';
import { mintGas } from './mint-gas';
import { gasPaymentTransaction } from './payment-transaction';
import { alreadyPaid } from './service';
import { nftStatusStream } from './status-stream';

/** The claim and its gas payment: twenty a minute each. */
const claiming = authedProcedure.meta({ rateLimit: perMinute(20) });

/** Claim, gas payment and status of the promotional NFT (docs/product/claims.md). */
export const promotionRouter = router({
  complete: claiming
    .input(ZCompletePromotionInput)
    .output(ZPromotionClaim)
    .mutation(byMember(completePromotion)),
  paymentTransaction: claiming
    .input(ZGasTransactionInput)
    .output(ZPaymentTransaction)
    .mutation(byMember(gasPaymentTransaction)),
  mintGas: claiming.input(ZMintGasInput).output(ZNftProgress).mutation(byMember(mintGas)),
  alreadyPaid: authedProcedure.input(ZAlreadyPaidInput).output(ZAlreadyPaid).query(byMember(alreadyPaid)),
  status: authedProcedure
    .input(ZPromotionStatusInput)
    .subscription(({ ctx, input, signal }) =>
      nftStatusStream(ctx.deps, ctx.session.userId, input.nftId, signal),
    ),
  recordMint: authedProcedure
    .meta({ rateLimit: perMinute(10) })
    .input(ZRecordMintInput)
    .output(ZNftProgress)
    .mutation(byMember(recordDirectMint)),
});

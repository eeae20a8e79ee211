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
import { completePromotion } from './claim';
import { recordDirectMint } from './direct-mint';
import { mintGas } from './mint-gas';
import { gasPaymentTransaction } from './payment-transaction';
import { alreadyPaid } from './service';
import { nftStatusStream } from './status-stream';

/** Claim, gas payment and status of the promotional NFT (docs/product/claims.md). */
export const promotionRouter = router({
  complete: authedProcedure
    .meta({ rateLimit: perMinute('promotion.complete', 20) })
    .input(ZCompletePromotionInput)
    .output(ZPromotionClaim)
    .mutation(({ ctx, input }) => completePromotion(ctx.deps, ctx.session.userId, input)),
  paymentTransaction: authedProcedure
    .meta({ rateLimit: perMinute('promotion.paymentTransaction', 20) })
    .input(ZGasTransactionInput)
    .output(ZPaymentTransaction)
    .mutation(({ ctx, input }) =>
      gasPaymentTransaction(ctx.deps, ctx.session.userId, input.nftId, input.account),
    ),
  mintGas: authedProcedure
    .meta({ rateLimit: perMinute('promotion.mintGas', 20) })
    .input(ZMintGasInput)
    .output(ZNftProgress)
    .mutation(({ ctx, input }) => mintGas(ctx.deps, ctx.session.userId, input)),
  alreadyPaid: authedProcedure
    .input(ZAlreadyPaidInput)
    .output(ZAlreadyPaid)
    .query(({ ctx, input }) => alreadyPaid(ctx.deps, ctx.session.userId, input.promotionId)),
  status: authedProcedure
    .input(ZPromotionStatusInput)
    .subscription(({ ctx, input, signal }) =>
      nftStatusStream(ctx.deps, ctx.session.userId, input.nftId, signal),
    ),
  recordMint: authedProcedure
    .meta({ rateLimit: perMinute('promotion.recordMint', 10) })
    .input(ZRecordMintInput)
    .output(ZNftProgress)
    .mutation(({ ctx, input }) => recordDirectMint(ctx.deps, ctx.session.userId, input)),
});

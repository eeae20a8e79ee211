import { ZNftPublic, ZNftPublicInput } from '@puffy/contracts';
import { router } from '../trpc/init';
import { publicProcedure } from '../trpc/procedures';
import { publicNft } from './public';

/** Public views of minted NFTs. */
export const nftRouter = router({
  public: publicProcedure
    // A minted NFT's public view changes only while it is being minted; a minute of caching is harmless.
    .meta({ publicCacheSeconds: 60 })
    .input(ZNftPublicInput)
    .output(ZNftPublic)
    .query(({ ctx, input }) => publicNft(ctx.deps, input.id)),
});

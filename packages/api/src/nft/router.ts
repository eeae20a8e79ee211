import { router } from '../trpc/init';

/** Public views of minted NFTs. */
export const nftRouter = router({});

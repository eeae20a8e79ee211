import { router } from '../trpc/init';

/** Discord codes a campaign's bot issued, redeemed by members (mounted at campaign.discord). */
export const discordRouter = router({});

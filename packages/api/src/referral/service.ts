export { ownReferralCode } from './codes';
export { dryRunReferralCode, redeemReferralCode } from './redeem';
export { listReferralRelations } from './relations';

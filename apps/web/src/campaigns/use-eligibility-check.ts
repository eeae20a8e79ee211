import { trpc } from '../lib/trpc';

export type EligibilityCheck = ReturnType<typeof trpc.campaign.checkEligible.useMutation>;

/**
 * The signed-in, recorded check (`campaign.checkEligible`). One per campaign page, shared by the
 * checker and the referral panel (a redeemed code may be what makes the member eligible), so both
 * show the same latest answer; the standing and the places left reload after it.
 */
export function useEligibilityCheck(campaignId: number): EligibilityCheck {
  const utils = trpc.useUtils();
  return trpc.campaign.checkEligible.useMutation({
    onSuccess: () =>
      Promise.all([utils.campaign.info.invalidate({ campaignId }), utils.campaign.get.invalidate()]),
  });
}

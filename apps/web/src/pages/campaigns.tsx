import { ComingSoon } from '../components/coming-soon';

export default function CampaignsPage() {
  return (
    <ComingSoon
      title="Campaigns"
      arrivesWith="the campaign engine"
      plans={[
        'Active, upcoming and ended campaigns on Solana, Ethereum, TON, SOON and Berachain.',
        'An eligibility check for any wallet, before and after you sign in, that says why.',
        'Activities to complete for points, and a checklist of what is still missing.',
        'Your referral code, and a leaderboard.',
      ]}
    />
  );
}

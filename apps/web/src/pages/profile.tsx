import { ComingSoon } from '../components/coming-soon';

export default function ProfilePage() {
  return (
    <ComingSoon
      title="Profile"
      arrivesWith="wallet sign-in and linked accounts"
      plans={[
        'Your wallets on Solana, EVM chains and TON.',
        'Linked X, Discord and a verified email address.',
        'Your points, NFTs and referrals.',
      ]}
    />
  );
}

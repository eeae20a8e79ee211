import { ComingSoon } from '../components/coming-soon';

export default function StorePage() {
  return (
    <ComingSoon
      title="Store"
      arrivesWith="the storefront"
      plans={[
        'The Puffy device (vape and fresh) and pods, with prices quoted by the server.',
        'Device passes and whitelist benefits applied to your quote.',
        'One-step checkout paid in USDT on Solana.',
        'Your orders and their status, live.',
      ]}
    />
  );
}

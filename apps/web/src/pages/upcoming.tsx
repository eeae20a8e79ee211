/**
 * An honest page for a part of the product that is not built yet: it says what will be here, and
 * shows no made-up data.
 */
export function Upcoming({ title, what }: { title: string; what: string }) {
  return (
    <section className="card">
      <h1>{title}</h1>
      <p>{what}</p>
      <p className="muted">This part of the Reward Center is being built.</p>
    </section>
  );
}

export const CampaignsPage = () => (
  <Upcoming
    title="Campaigns"
    what="Campaigns, their requirements and your eligibility will be listed here."
  />
);
export const StorePage = () => <Upcoming title="Store" what="The device and pods will be on sale here." />;
export const ProfilePage = () => (
  <Upcoming
    title="Profile"
    what="Your wallets, linked accounts, points, NFTs and referrals will be shown here."
  />
);
export const AdminPage = () => (
  <Upcoming title="Admin console" what="Operators will run campaigns and orders from here." />
);
export const VerifyEmailPage = () => (
  <Upcoming title="Verify your email" what="Email verification links open here." />
);
export const OAuthCallbackPage = () => (
  <Upcoming title="Linking your account" what="X sign-in returns here." />
);
export const NftPage = () => <Upcoming title="NFT" what="A minted NFT's public page will be shown here." />;

import { Link } from 'react-router-dom';
import { SystemStatus } from '../components/system-status';
import { useDocumentTitle } from '../lib/document-title';
import { CampaignsPage } from './lazy';

export default function HomePage() {
  useDocumentTitle(null);
  return (
    <>
      <section className="hero">
        <h1>Earn rewards with Puffy</h1>
        <p className="lead">
          Connect a Solana, TON or EVM wallet, see which campaigns you are eligible for, complete activities
          for points, claim your NFT and get your device.
        </p>
        <Link
          className="button"
          to="/campaigns"
          onMouseEnter={CampaignsPage.preload}
          onFocus={CampaignsPage.preload}
        >
          See campaigns
        </Link>
      </section>
      <SystemStatus />
    </>
  );
}

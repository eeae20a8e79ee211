import type { TCampaign } from '@puffy/contracts';
import { Link } from 'react-router-dom';
import { Media } from '../components/media';
import { ChainBadge, PhaseBadge } from './badges';
import { campaignWindow, methodInWords, placesLeft } from './words';

/** One campaign in the list: picture, chain, dates and what it takes, linking to its page. */
export function CampaignCard({ campaign }: { campaign: TCampaign }) {
  const places = placesLeft(campaign);
  const image = campaign.media.image ?? campaign.media.banner;
  return (
    <li className="card campaign-card">
      <Media className="campaign-card-media" src={image} alt="" width={1600} height={900} />
      <div className="campaign-badges">
        <ChainBadge network={campaign.network} />
        <PhaseBadge phase={campaign.phase} />
      </div>
      <h2>
        <Link to={`/campaigns/${encodeURIComponent(campaign.slug)}`}>{campaign.name}</Link>
      </h2>
      <p className="muted small">{campaignWindow(campaign)}</p>
      {campaign.requirement && <p>{campaign.requirement}</p>}
      {campaign.methods.length > 0 && (
        <p className="small">
          {campaign.methods.map((m) => methodInWords(m, campaign)).join(', or ')}
          {'.'}
        </p>
      )}
      {places && <p className="muted small">{places}</p>}
    </li>
  );
}

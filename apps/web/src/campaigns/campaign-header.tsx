import type { TCampaign } from '@puffy/contracts';
import { Media } from '../components/media';
import { ChainBadge, PhaseBadge } from './badges';
import { campaignWindow, methodInWords, placesLeft } from './words';

/** Name, chain, phase, dates, media and the requirements in plain words. */
export function CampaignHeader({ campaign }: { campaign: TCampaign }) {
  const places = placesLeft(campaign);
  const { banner, image, video } = campaign.media;
  return (
    <header className="campaign-header">
      {(banner ?? image) && (
        <Media
          className="campaign-banner"
          src={banner ?? image}
          alt=""
          width={1600}
          height={900}
          loading="eager"
        />
      )}
      <div className="campaign-badges">
        <ChainBadge network={campaign.network} />
        <PhaseBadge phase={campaign.phase} />
        {campaign.edition && <span className="badge">{campaign.edition}</span>}
      </div>
      <h1>{campaign.name}</h1>
      <p className="muted">{campaignWindow(campaign)}</p>
      {campaign.description && <p className="lead">{campaign.description}</p>}
      {video && (
        <video className="campaign-video" src={video} controls muted playsInline preload="metadata" />
      )}
      <section className="card" aria-labelledby="requirements-title">
        <h2 id="requirements-title">What it takes</h2>
        {campaign.requirement && <p>{campaign.requirement}</p>}
        {campaign.methods.length > 0 ? (
          <>
            <p>Any one of these makes you eligible:</p>
            <ul className="campaign-ways" data-testid="campaign-methods">
              {campaign.methods.map((m) => (
                <li key={m}>{methodInWords(m, campaign)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">This campaign does not accept members yet.</p>
        )}
        {campaign.collectionAddress && (
          <p className="small muted">
            Collection: <span className="mono">{campaign.collectionAddress}</span>
          </p>
        )}
        {places && <p className="small">{places}</p>}
      </section>
    </header>
  );
}

import type { TNftPublic } from '@puffy/contracts';
import { Link } from 'react-router-dom';
import { Media } from '../components/media';

const NETWORK_NAMES: Record<string, string> = { sol: 'Solana', soon: 'SOON' };

/** What anyone may see of an NFT: its picture and name, its campaign, a short owner and the mint. */
export function NftPublicView({ nft }: { nft: TNftPublic }) {
  // The server names it with its number already ("Genesis Pass #12").
  const title = nft.name;
  return (
    <article className="card nft-public" data-testid="nft-public">
      <Media className="nft-image" src={nft.image} alt={title} width={1000} height={1000} loading="eager" />
      <div className="nft-public-body">
        <h1>{title}</h1>
        {nft.description && <p>{nft.description}</p>}
        <dl className="nft-facts">
          <dt>Campaign</dt>
          <dd>
            <Link to={`/campaigns/${nft.campaign.slug}`}>{nft.campaign.name}</Link>
          </dd>
          <dt>Owner</dt>
          <dd className="mono" data-testid="nft-owner">
            {nft.ownerShort}
          </dd>
          <dt>Network</dt>
          <dd>{NETWORK_NAMES[nft.network] ?? nft.network}</dd>
          {nft.assetAddress && (
            <>
              <dt>Asset</dt>
              <dd className="mono">{nft.assetAddress}</dd>
            </>
          )}
          {nft.mintSignature && (
            <>
              <dt>Mint transaction</dt>
              <dd className="mono" data-testid="nft-mint-signature">
                {nft.explorerUrl ? (
                  <a href={nft.explorerUrl} target="_blank" rel="noreferrer">
                    {nft.mintSignature}
                  </a>
                ) : (
                  nft.mintSignature
                )}
              </dd>
            </>
          )}
        </dl>
      </div>
    </article>
  );
}

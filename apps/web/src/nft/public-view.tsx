import type { TNftPublic } from '@puffy/contracts';
import { ExternalLink } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Artwork } from '../components/media/artwork';
import { Badge } from '../components/ui/badge';
import { Card } from '../components/ui/card';
import { networkName } from '../lib/format';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-0.5 border-b py-2.5 last:border-b-0">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** What anyone may see of an NFT: its picture and name, its campaign, a short owner and the mint. */
export function NftPublicView({ nft }: { nft: TNftPublic }) {
  const { t } = useTranslation('nft');
  // The server names it with its number already ("Genesis Pass #12").
  const title = nft.name;
  return (
    <Card as="section" className="mx-auto w-full max-w-4xl sm:p-6" data-testid="nft-public">
      <article className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] md:items-start">
        <Artwork
          className="rounded-xl border"
          src={nft.image}
          alt={title}
          width={1000}
          height={1000}
          loading="eager"
        />
        <div className="grid min-w-0 gap-4">
          <div className="grid gap-2">
            <Badge variant="outline">{networkName(nft.network)}</Badge>
            <h1 className="break-words font-bold text-3xl">{title}</h1>
            {nft.description && <p className="text-muted-foreground">{nft.description}</p>}
          </div>
          <dl className="grid">
            <Fact label={t('public.campaign')}>
              <Link to={`/campaigns/${encodeURIComponent(nft.campaign.slug)}`}>{nft.campaign.name}</Link>
            </Fact>
            <Fact label={t('public.owner')}>
              <span className="font-mono" data-testid="nft-owner">
                {nft.ownerShort}
              </span>
            </Fact>
            {nft.assetAddress && (
              <Fact label={t('public.asset')}>
                <span className="break-all font-mono text-xs">{nft.assetAddress}</span>
              </Fact>
            )}
            {nft.mintSignature && (
              <Fact label={t('public.mint')}>
                <span className="break-all font-mono text-xs" data-testid="nft-mint-signature">
                  {nft.explorerUrl ? (
                    <a href={nft.explorerUrl} target="_blank" rel="noreferrer">
                      {nft.mintSignature}
                    </a>
                  ) : (
                    nft.mintSignature
                  )}
                </span>
              </Fact>
            )}
          </dl>
          {nft.explorerUrl && (
            <a
              href={nft.explorerUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-flex w-fit items-center gap-1.5 text-sm"
            >
              <ExternalLink className="size-4" aria-hidden="true" />
              {t('public.explorer')}
            </a>
          )}
        </div>
      </article>
    </Card>
  );
}

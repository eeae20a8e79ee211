import type { TCampaign } from '@puffy/contracts';
import { CalendarClock, ListChecks, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Artwork } from '../components/media/artwork';
import { Badge } from '../components/ui/badge';
import { Progress } from '../components/ui/progress';
import { ChainBadge, PhaseBadge } from './badges';
import { Panel } from './panel';
import { campaignWindow, methodInWords, placesLeft } from './words';

/** The places still free, as words and a bar; the page refreshes the campaign, so it stays live. */
function PlacesLeft({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation('campaign');
  const places = placesLeft(t, campaign);
  if (!places || !campaign.limit) return null;
  return (
    <div className="grid gap-1.5" data-testid="places-left">
      <p className="flex items-center gap-1.5 text-sm">
        <Users className="size-4 shrink-0 text-primary" aria-hidden="true" />
        {places}
      </p>
      <Progress
        value={Math.min(100, (campaign.eligibleCount / campaign.limit) * 100)}
        aria-label={places}
        className="h-1.5"
      />
    </div>
  );
}

/** What it takes to qualify: any one of the campaign's ways, in words. */
function Requirements({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation('campaign');
  return (
    <Panel icon={ListChecks} title={t('requirements.title')} description={campaign.requirement}>
      {campaign.methods.length > 0 ? (
        <>
          <p className="text-sm">{t('requirements.anyOne')}</p>
          <ul className="grid gap-2" data-testid="campaign-methods">
            {campaign.methods.map((m) => (
              <li key={m} className="rounded-lg border bg-muted/40 px-3 py-2 text-sm">
                {methodInWords(t, m, campaign)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-muted-foreground text-sm">{t('requirements.none')}</p>
      )}
      {campaign.collectionAddress && (
        <p className="min-w-0 text-muted-foreground text-xs">
          {t('requirements.collection')}{' '}
          <span className="break-all font-mono">{campaign.collectionAddress}</span>
        </p>
      )}
    </Panel>
  );
}

/** Name, chain, phase, dates, artwork, places left and the requirements in plain words. */
export function CampaignHeader({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation('campaign');
  const { banner, image, video } = campaign.media;
  return (
    <>
      <header className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-center">
        <Artwork
          className="rounded-xl border"
          src={banner ?? image}
          alt=""
          width={1600}
          height={900}
          loading="eager"
        />
        <div className="grid min-w-0 gap-3">
          <div className="flex flex-wrap gap-1.5">
            <ChainBadge network={campaign.network} />
            <PhaseBadge phase={campaign.phase} />
            {campaign.edition && <Badge variant="outline">{campaign.edition}</Badge>}
          </div>
          <h1 className="break-words font-bold text-3xl sm:text-4xl">{campaign.name}</h1>
          <p className="flex items-center gap-1.5 text-muted-foreground text-sm">
            <CalendarClock className="size-4 shrink-0" aria-hidden="true" />
            {campaignWindow(t, campaign)}
          </p>
          {campaign.description && <p className="text-muted-foreground">{campaign.description}</p>}
          <PlacesLeft campaign={campaign} />
        </div>
      </header>
      {video && (
        <video
          className="aspect-video w-full rounded-xl border bg-muted"
          src={video}
          controls
          muted
          playsInline
          preload="metadata"
        />
      )}
      <Requirements campaign={campaign} />
    </>
  );
}

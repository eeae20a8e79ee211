import type { TCampaign } from '@puffy/contracts';
import { CalendarClock, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Artwork } from '../components/media/artwork';
import { Progress } from '../components/ui/progress';
import { cn } from '../lib/cn';
import { ChainBadge, PhaseBadge } from './badges';
import { campaignWindow, methodInWords, placesLeft } from './words';

const CARD =
  'group relative flex min-w-0 flex-col overflow-hidden rounded-xl border bg-card text-card-foreground shadow-sm transition-colors focus-within:border-primary/60 hover:border-primary/50';

/** One campaign in a grid: artwork, chain and phase, dates, what it takes and the places left. */
export function CampaignCard({
  campaign,
  className,
  eager = false,
}: {
  campaign: TCampaign;
  className?: string;
  eager?: boolean;
}) {
  // Its words are in `common` (the first chunk), so cards on the home page never wait for a catalog.
  const { t } = useTranslation();
  const places = placesLeft(t, campaign);
  const image = campaign.media.image ?? campaign.media.banner;
  const filled = campaign.limit ? Math.min(100, (campaign.eligibleCount / campaign.limit) * 100) : null;
  return (
    <li data-slot="campaign-card" className={cn(CARD, className)}>
      <Artwork
        className="rounded-none"
        src={image}
        alt=""
        width={1600}
        height={900}
        loading={eager ? 'eager' : 'lazy'}
      />
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="flex flex-wrap gap-1.5">
          <ChainBadge network={campaign.network} />
          <PhaseBadge phase={campaign.phase} />
        </div>
        <h2 className="font-semibold text-lg leading-snug">
          {/* The link covers the whole card, so a tap anywhere on it opens the campaign. */}
          <Link
            to={`/campaigns/${encodeURIComponent(campaign.slug)}`}
            className="text-foreground no-underline after:absolute after:inset-0 hover:text-primary"
          >
            {campaign.name}
          </Link>
        </h2>
        <p className="flex items-center gap-1.5 text-muted-foreground text-xs">
          <CalendarClock className="size-3.5 shrink-0" aria-hidden="true" />
          {campaignWindow(t, campaign)}
        </p>
        {campaign.requirement && <p className="line-clamp-2 text-sm">{campaign.requirement}</p>}
        {campaign.methods.length > 0 && (
          <p className="line-clamp-3 text-muted-foreground text-sm">
            {campaign.methods.map((m) => methodInWords(t, m, campaign)).join(t('card.separator'))}
          </p>
        )}
        {places && (
          <div className="mt-auto grid gap-1.5 pt-1">
            <p className="flex items-center gap-1.5 text-muted-foreground text-xs">
              <Users className="size-3.5 shrink-0" aria-hidden="true" />
              {places}
            </p>
            {filled !== null && <Progress value={filled} aria-label={places} className="h-1.5" />}
          </div>
        )}
      </div>
    </li>
  );
}

/** The grid every campaign list uses. */
export const CAMPAIGN_GRID = 'grid grid-cols-[repeat(auto-fill,minmax(min(100%,17rem),1fr))] gap-4';

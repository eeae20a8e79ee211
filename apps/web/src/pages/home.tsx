import type { TCampaign } from '@puffy/contracts';
import { ArrowRight, Clock, Medal, ShoppingBag, Sparkles, Trophy, UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { CAMPAIGN_GRID, CampaignCard } from '../campaigns/campaign-card';
import { Panel } from '../campaigns/panel';
import { EmptyState } from '../components/empty-state';
import { ErrorMessage } from '../components/error-message';
import { Eyebrow } from '../components/page-header';
import { Stat } from '../components/stat';
import { Button } from '../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../components/ui/card';
import { SkeletonBlock } from '../components/ui/skeleton';
import { useDocumentTitle } from '../lib/document-title';
import { formatNumber } from '../lib/intl';
import { formatRelative } from '../lib/relative-time';
import { trpc } from '../lib/trpc';
import { CampaignsPage, LeaderboardPage, ProfilePage, StorePage } from './lazy';

const FEATURED = 3;
const ENDING_SOON = 3;

/** The campaigns closing first, soonest on top: only those with an end date. */
type Closing = TCampaign & { endAt: string };
function endingSoon(campaigns: TCampaign[]): Closing[] {
  return campaigns
    .filter((c): c is Closing => c.endAt !== null)
    .sort((a, b) => a.endAt.localeCompare(b.endAt))
    .slice(0, ENDING_SOON);
}

function Hero() {
  const { t } = useTranslation('home');
  return (
    <section className="relative overflow-hidden rounded-2xl border bg-[radial-gradient(ellipse_at_top_right,color-mix(in_oklch,var(--color-primary)_30%,transparent),transparent_60%)] px-5 py-8 sm:px-10 sm:py-12">
      <Eyebrow icon={Sparkles} className="mb-3">
        {t('eyebrow')}
      </Eyebrow>
      <h1 className="max-w-2xl font-bold text-3xl sm:text-5xl">{t('title')}</h1>
      <p className="mt-4 max-w-xl text-base text-muted-foreground sm:text-lg">{t('lead')}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button asChild size="lg">
          <Link to="/campaigns" onMouseEnter={CampaignsPage.preload} onFocus={CampaignsPage.preload}>
            {t('seeCampaigns')}
            <ArrowRight aria-hidden="true" />
          </Link>
        </Button>
        <Button asChild size="lg" variant="outline">
          <Link to="/leaderboard" onMouseEnter={LeaderboardPage.preload} onFocus={LeaderboardPage.preload}>
            <Trophy aria-hidden="true" />
            {t('seeLeaderboard')}
          </Link>
        </Button>
      </div>
    </section>
  );
}

/** Points and rank on the global board, and what to do next; signed out, an invitation to connect. */
function Standing() {
  const { t } = useTranslation('home');
  const auth = useAuth();
  const signedIn = auth.status === 'signedIn';
  const board = trpc.campaign.leaderboard.useQuery({ limit: 1 }, { enabled: signedIn });
  if (!signedIn) {
    return <Panel icon={Medal} title={t('signedOut.title')} description={t('signedOut.body')} />;
  }
  const me = board.data?.me ?? null;
  const actions = [
    { to: '/campaigns', text: t('next.campaigns'), icon: Trophy, page: CampaignsPage },
    { to: '/profile', text: t('next.profile'), icon: UserRound, page: ProfilePage },
    { to: '/store', text: t('next.store'), icon: ShoppingBag, page: StorePage },
  ];
  return (
    <Card aria-labelledby="standing-title" role="region">
      <CardHeader>
        <CardTitle id="standing-title">{t('standing.title')}</CardTitle>
      </CardHeader>
      {board.isPending && <SkeletonBlock className="h-20 rounded-lg" />}
      {board.isError && <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />}
      {me && (
        <dl className="grid grid-cols-2 gap-3">
          <Stat label={t('standing.points')} testId="my-points" large>
            {formatNumber(me.points)}
          </Stat>
          <Stat label={t('standing.rank')} testId="my-rank" large>
            {me.rank === null
              ? t('standing.noRank')
              : t('standing.rankValue', { rank: formatNumber(me.rank) })}
          </Stat>
        </dl>
      )}
      <CardContent>
        <h3 className="font-medium text-sm">{t('next.title')}</h3>
        {me?.rank === null && <p className="text-muted-foreground text-sm">{t('next.firstPoints')}</p>}
        <ul className="grid gap-2">
          {actions.map((a) => (
            <li key={a.to}>
              <Link
                to={a.to}
                onMouseEnter={a.page.preload}
                onFocus={a.page.preload}
                className="flex items-center gap-3 rounded-lg border px-3 py-2.5 text-foreground text-sm no-underline transition-colors hover:border-primary/50 hover:bg-accent"
              >
                <a.icon className="size-4 shrink-0 text-primary" aria-hidden="true" />
                <span className="flex-1">{a.text}</span>
                <ArrowRight className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
              </Link>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function SectionHeading({ id, title, to }: { id: string; title: string; to: string }) {
  const { t } = useTranslation('home');
  return (
    <div className="flex items-end justify-between gap-4">
      <h2 id={id} className="font-semibold text-xl">
        {title}
      </h2>
      <Link to={to} className="text-primary text-sm no-underline hover:underline">
        {t('viewAll')}
      </Link>
    </div>
  );
}

function CampaignSections() {
  const { t } = useTranslation('home');
  const list = trpc.campaign.list.useQuery({ phase: 'active', limit: 24 });
  const campaigns = list.data?.items ?? [];
  const closing = endingSoon(campaigns);
  return (
    <>
      <section aria-labelledby="featured-title" className="grid gap-4">
        <SectionHeading id="featured-title" title={t('featured')} to="/campaigns" />
        {list.isPending && (
          <div className={CAMPAIGN_GRID} role="status" aria-busy="true">
            <span className="sr-only">{t('featured')}</span>
            {[0, 1, 2].map((i) => (
              <SkeletonBlock key={i} className="aspect-[4/3] rounded-xl" />
            ))}
          </div>
        )}
        {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && campaigns.length === 0 && (
          <EmptyState boxed className="p-6">
            {t('noneActive')}
          </EmptyState>
        )}
        {campaigns.length > 0 && (
          <ul className={CAMPAIGN_GRID}>
            {campaigns.slice(0, FEATURED).map((c, index) => (
              // The first picture is the page's largest paint: fetched at once, not when scrolled to.
              <CampaignCard key={c.id} campaign={c} eager={index === 0} />
            ))}
          </ul>
        )}
      </section>
      {closing.length > 0 && (
        <section aria-labelledby="ending-title" className="grid gap-3">
          <SectionHeading id="ending-title" title={t('endingSoon')} to="/campaigns" />
          <ul className="grid gap-2">
            {closing.map((c) => (
              <li key={c.id}>
                <Link
                  to={`/campaigns/${encodeURIComponent(c.slug)}`}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-xl border bg-card px-4 py-3 text-foreground no-underline transition-colors hover:border-primary/50"
                >
                  <span className="font-medium">{c.name}</span>
                  <span className="flex items-center gap-1.5 text-muted-foreground text-sm">
                    <Clock className="size-4" aria-hidden="true" />
                    {t('endsIn', { when: formatRelative(c.endAt) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export default function HomePage() {
  useDocumentTitle(null);
  return (
    <>
      <Hero />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        {/* First on a phone (the member's own numbers), the right-hand column on a wide screen. */}
        <div className="min-w-0 lg:col-start-2 lg:row-start-1">
          <Standing />
        </div>
        <div className="grid min-w-0 gap-8 lg:col-start-1 lg:row-start-1">
          <CampaignSections />
        </div>
      </div>
    </>
  );
}

import type { TCampaign, TEligibilityAnswer } from '@puffy/contracts';
import { BadgeCheck, CircleDashed, Gauge } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { Stat } from '../components/stat';
import { formatNumber } from '../lib/format';
import { trpc } from '../lib/trpc';
import { Checklist, checklistOf } from './checklist';
import { LoadingLines } from './loading-lines';
import { Panel } from './panel';
import { formatDate, methodInWords } from './words';

/** The signed-in member's standing (`campaign.info`) with the checklist of what is still missing. */
export function Standing({ campaign, answer }: { campaign: TCampaign; answer: TEligibilityAnswer | null }) {
  const { t } = useTranslation('campaign');
  const info = trpc.campaign.info.useQuery({ campaignId: campaign.id });
  return (
    <Panel icon={Gauge} title={t('standing.title')}>
      {info.isPending && <LoadingLines lines={4} label={t('standing.loading')} />}
      {info.isError && <ErrorMessage error={info.error} onRetry={() => void info.refetch()} />}
      {info.data && (
        <>
          <p
            data-testid="standing-status"
            data-eligible={info.data.eligibility.eligible}
            className="flex flex-wrap items-center gap-x-2 gap-y-1"
          >
            {info.data.eligibility.eligible ? (
              <strong className="inline-flex items-center gap-1.5 text-success">
                <BadgeCheck className="size-4" aria-hidden="true" />
                {t('standing.eligible')}
              </strong>
            ) : (
              <strong className="inline-flex items-center gap-1.5">
                <CircleDashed className="size-4 text-muted-foreground" aria-hidden="true" />
                {t('standing.notEligible')}
              </strong>
            )}
            {info.data.eligibility.method && (
              <span className="text-muted-foreground text-sm">
                {info.data.eligibility.since
                  ? t('standing.throughSince', {
                      way: methodInWords(t, info.data.eligibility.method, campaign),
                      since: formatDate(info.data.eligibility.since),
                    })
                  : methodInWords(t, info.data.eligibility.method, campaign)}
              </span>
            )}
          </p>
          <Checklist items={checklistOf(t, campaign, info.data, answer)} />
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            <Stat label={t('standing.points')} testId="standing-points">
              {formatNumber(info.data.points)}
            </Stat>
            <Stat label={t('standing.required')}>
              {t('standing.requiredDone', {
                done: formatNumber(info.data.requiredCompleted),
                total: formatNumber(info.data.requiredTotal),
              })}
            </Stat>
            <Stat label={t('standing.referred')}>{formatNumber(info.data.referral.referredCount)}</Stat>
            <Stat label={t('standing.joinedByReferral')}>
              {info.data.referral.referred ? t('standing.yes') : t('standing.no')}
            </Stat>
          </dl>
          {info.data.nft && (
            <p className="text-muted-foreground text-sm">
              {t('standing.nft', { status: t(`standing.nftStatus.${info.data.nft.status}`) })}
            </p>
          )}
        </>
      )}
    </Panel>
  );
}

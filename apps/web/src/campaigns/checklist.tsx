import type { TCampaign, TCampaignInfo, TEligibilityAnswer } from '@puffy/contracts';
import { CheckCircle2, CircleDashed } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/cn';
import { type CampaignT, methodInWords } from './words';

export interface ChecklistItem {
  key: string;
  label: string;
  done: boolean;
  /** What to do about it, or why it is stuck. */
  hint: string | null;
}

type Standing = Pick<TCampaignInfo, 'eligibility' | 'activities'>;

/** The "qualify" line: what the latest answer says is missing, or every accepted way when none yet. */
function qualifyItem(
  t: CampaignT,
  campaign: TCampaign,
  standing: Standing,
  answer: TEligibilityAnswer | null,
): ChecklistItem {
  const base = { key: 'qualify', label: t('checklist.qualify') };
  const inWords = (method: Parameters<typeof methodInWords>[1]) => methodInWords(t, method, campaign);
  if (standing.eligibility.eligible) {
    const method = standing.eligibility.method;
    return { ...base, done: true, hint: method ? t('checklist.through', { way: inWords(method) }) : null };
  }
  if (answer && answer.reason !== 'eligible' && answer.reason !== 'already_eligible') {
    if (answer.reason === 'activities_missing' && answer.method) {
      return { ...base, done: false, hint: t('checklist.wayDone', { way: inWords(answer.method) }) };
    }
    if (answer.reason === 'no_method_matched' || answer.reason === 'sign_in_required') {
      const open = answer.methods.filter((m) => m.passed !== true);
      const ways = open.map((m) =>
        t('checklist.wayWithDetail', { way: inWords(m.method), detail: m.detail.replace(/\.$/, '') }),
      );
      return {
        ...base,
        done: false,
        hint: ways.length > 0 ? t('checklist.anyOf', { ways: ways.join('; ') }) : answer.message,
      };
    }
    return { ...base, done: false, hint: answer.message };
  }
  const ways = campaign.methods.map(inWords);
  return {
    ...base,
    done: false,
    hint: ways.length > 0 ? t('checklist.anyOfThenCheck', { ways: ways.join('; ') }) : t('checklist.noWay'),
  };
}

/** What the member has done and what is still missing, from the standing and the latest answer. */
export function checklistOf(
  t: CampaignT,
  campaign: TCampaign,
  standing: Standing,
  answer: TEligibilityAnswer | null,
): ChecklistItem[] {
  const required = standing.activities
    .filter((a) => a.required)
    .map((a) => ({
      key: `activity-${a.activityId}`,
      label: a.name,
      done: a.status === 'completed',
      hint:
        a.status === 'pending_review' || a.status === 'rejected'
          ? t(`checklist.activity.${a.status}`)
          : a.status === 'open'
            ? t('checklist.activity.open')
            : null,
    }));
  return [qualifyItem(t, campaign, standing, answer), ...required];
}

/** Each thing still to do with how to do it; done ones stay, ticked, so progress is visible. */
export function Checklist({ items }: { items: ChecklistItem[] }) {
  const { t } = useTranslation('campaign');
  const missing = items.filter((i) => !i.done).length;
  return (
    <div className="grid gap-3">
      <p data-testid="checklist-summary" className="font-medium text-sm">
        {missing === 0 ? t('checklist.allDone') : t('checklist.missing', { missing, total: items.length })}
      </p>
      <ul aria-label={t('checklist.label')} className="grid gap-2">
        {items.map((item) => (
          <li
            key={item.key}
            data-done={item.done}
            className={cn(
              'flex items-start gap-3 rounded-lg border px-3 py-2.5',
              item.done ? 'border-success/30 bg-success/8' : 'bg-muted/40',
            )}
          >
            {item.done ? (
              <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
            ) : (
              <CircleDashed className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            )}
            <span className="grid min-w-0 gap-0.5">
              <span className="font-medium text-sm">
                {item.label}
                <span className="sr-only">{item.done ? t('checklist.done') : t('checklist.todo')}</span>
              </span>
              {item.hint && <span className="text-muted-foreground text-sm">{item.hint}</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

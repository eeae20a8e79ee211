import type { TCampaign, TCampaignInfo, TEligibilityAnswer } from '@puffy/contracts';
import { methodInWords } from './words';

export interface ChecklistItem {
  key: string;
  label: string;
  done: boolean;
  /** What to do about it, or why it is stuck. */
  hint: string | null;
}

type Standing = Pick<TCampaignInfo, 'eligibility' | 'activities'>;

const ACTIVITY_HINT = {
  open: null,
  completed: null,
  pending_review: 'Submitted: waiting for a review.',
  rejected: 'Not accepted: submit it again.',
} as const;

/** The "qualify" line: what the latest answer says is missing, or every accepted way when none yet. */
function qualifyItem(
  campaign: TCampaign,
  standing: Standing,
  answer: TEligibilityAnswer | null,
): ChecklistItem {
  const base = { key: 'qualify', label: 'Qualify for the campaign' };
  if (standing.eligibility.eligible) {
    const method = standing.eligibility.method;
    return { ...base, done: true, hint: method ? `Through: ${methodInWords(method, campaign)}.` : null };
  }
  if (answer && answer.reason !== 'eligible' && answer.reason !== 'already_eligible') {
    if (answer.reason === 'activities_missing' && answer.method) {
      return {
        ...base,
        done: false,
        hint: `${methodInWords(answer.method, campaign)}: done. Finish the required activities, then check again.`,
      };
    }
    if (answer.reason === 'no_method_matched' || answer.reason === 'sign_in_required') {
      const open = answer.methods.filter((m) => m.passed !== true);
      const ways = open.map((m) => `${methodInWords(m.method, campaign)} (${m.detail.replace(/\.$/, '')})`);
      return {
        ...base,
        done: false,
        hint: ways.length > 0 ? `Any one of: ${ways.join('; ')}.` : answer.message,
      };
    }
    return { ...base, done: false, hint: answer.message };
  }
  const ways = campaign.methods.map((m) => methodInWords(m, campaign));
  return {
    ...base,
    done: false,
    hint:
      ways.length > 0
        ? `Any one of: ${ways.join('; ')}. Then check your eligibility.`
        : 'This campaign accepts no one yet.',
  };
}

/** What the member has done and what is still missing, from the standing and the latest answer. */
export function checklistOf(
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
      hint: ACTIVITY_HINT[a.status],
    }));
  return [qualifyItem(campaign, standing, answer), ...required];
}

export function Checklist({ items }: { items: ChecklistItem[] }) {
  const missing = items.filter((i) => !i.done).length;
  return (
    <div className="campaign-checklist">
      <p data-testid="checklist-summary">
        {missing === 0 ? 'Everything is done.' : `${missing} of ${items.length} still to do.`}
      </p>
      <ul aria-label="What you still need">
        {items.map((item) => (
          <li key={item.key} data-done={item.done} className={item.done ? 'campaign-done' : 'campaign-todo'}>
            <span aria-hidden="true">{item.done ? '✓' : '○'}</span> <span>{item.label}</span>
            <span className="visually-hidden">{item.done ? ' (done)' : ' (to do)'}</span>
            {item.hint && <span className="muted small campaign-hint"> {item.hint}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { TCampaign, TEligibilityAnswer, TEligibilityOutcome } from '@puffy/contracts';
import { methodInWords } from './words';

const HEADLINE: Record<TEligibilityOutcome, string> = {
  eligible: 'Eligible',
  not_eligible: 'Not eligible yet',
  try_again: 'Could not check right now: please try again',
};

/** The server's answer in words: the verdict, its sentence, and how each accepted method fared. */
export function EligibilityAnswerView({
  answer,
  campaign,
}: {
  answer: TEligibilityAnswer;
  campaign: Pick<TCampaign, 'collectionName'>;
}) {
  return (
    <div
      className={`notice campaign-answer campaign-answer-${answer.outcome}`}
      role="status"
      data-testid="eligibility-answer"
      data-outcome={answer.outcome}
    >
      <h3>{HEADLINE[answer.outcome]}</h3>
      <p>{answer.message}</p>
      {answer.methods.length > 0 && (
        <ul className="campaign-methods">
          {answer.methods.map((m) => (
            <li key={m.method} data-passed={m.passed === null ? 'unknown' : String(m.passed)}>
              <span aria-hidden="true">{m.passed === true ? '✓' : m.passed === false ? '✗' : '?'}</span>{' '}
              {methodInWords(m.method, campaign)}: <span className="muted">{m.detail}</span>
            </li>
          ))}
        </ul>
      )}
      {answer.recorded && <p className="small muted">Saved to your account.</p>}
    </div>
  );
}

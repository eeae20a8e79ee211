import type { TCampaign, TEligibilityAnswer } from '@puffy/contracts';
import { CheckCircle2, CircleHelp, RefreshCw, XCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Alert, AlertDescription, AlertTitle } from '../components/ui/alert';
import { RequirementTree } from './requirement-tree';
import { methodInWords } from './words';

const VARIANT = { eligible: 'success', not_eligible: 'warning', try_again: 'destructive' } as const;
const ICON = { eligible: CheckCircle2, not_eligible: XCircle, try_again: RefreshCw } as const;

/**
 * The server's answer in words: the verdict, its sentence, and the explained requirement tree (which
 * branch passed, what is missing); an answer without a tree (stopped at a gate) lists how each method fared.
 */
export function EligibilityAnswerView({
  answer,
  campaign,
}: {
  answer: TEligibilityAnswer;
  campaign: Pick<TCampaign, 'collectionName'>;
}) {
  const { t } = useTranslation('campaign');
  const Icon = ICON[answer.outcome];
  return (
    <Alert
      variant={VARIANT[answer.outcome]}
      role="status"
      data-testid="eligibility-answer"
      data-outcome={answer.outcome}
    >
      <Icon aria-hidden="true" />
      <AlertTitle>{t(`answer.${answer.outcome}`)}</AlertTitle>
      <AlertDescription>
        <p className="text-foreground">{answer.message}</p>
        {answer.requirements ? (
          <RequirementTree tree={answer.requirements} />
        ) : (
          answer.methods.length > 0 && (
            <ul className="grid gap-1.5">
              {answer.methods.map((m) => {
                const MethodIcon =
                  m.passed === true ? CheckCircle2 : m.passed === false ? XCircle : CircleHelp;
                return (
                  <li
                    key={m.method}
                    data-passed={m.passed === null ? 'unknown' : String(m.passed)}
                    className="flex items-start gap-2"
                  >
                    <MethodIcon
                      className={
                        m.passed === true
                          ? 'mt-0.5 size-4 shrink-0 text-success'
                          : 'mt-0.5 size-4 shrink-0 text-muted-foreground'
                      }
                      aria-label={t(`answer.passed.${m.passed === null ? 'unknown' : String(m.passed)}`)}
                    />
                    <span className="min-w-0">
                      <span className="text-foreground">{methodInWords(t, m.method, campaign)}</span>
                      {': '}
                      {m.detail}
                    </span>
                  </li>
                );
              })}
            </ul>
          )
        )}
        {answer.recorded && <p className="text-xs">{t('answer.saved')}</p>}
      </AlertDescription>
    </Alert>
  );
}

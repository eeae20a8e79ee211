import { isTaskKind, solToLamports, taskParameterSchemas } from '@puffy/contracts';
import { Plus, Trash2 } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { FormField } from '../../components/ui/form-field';
import { Input, Textarea } from '../../components/ui/input';
import { FormCheckbox } from './field-table';

/*
 * The settings of a self-checking task in the campaign builder (docs/product/tasks.md): the quiz's
 * questions and right answers, the link's address, the on-chain program and minimum. The parameter is
 * read with the same schema the server applies before the form may send it. Words: `tasks` catalog.
 */

interface Question {
  /** Keeps each question's fields its own while others are added and removed. */
  key: string;
  prompt: string;
  /** One choice a line. */
  choices: string;
  correct: number[];
}

/** The SOL typed as lamports, or text the schema refuses when it is not an amount. */
function lamportsOf(sol: string): string {
  try {
    return solToLamports(sol.trim()).toString();
  } catch {
    return 'not an amount';
  }
}

const emptyQuestion = (): Question => ({ key: crypto.randomUUID(), prompt: '', choices: '', correct: [] });
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function QuizFields(props: {
  questions: Question[];
  setQuestions: (next: Question[]) => void;
  settings: { passPercent: string; maxAttempts: string };
  setSettings: (next: { passPercent: string; maxAttempts: string }) => void;
}) {
  const { t } = useTranslation('tasks');
  const update = (i: number, change: Partial<Question>) =>
    props.setQuestions(props.questions.map((q, j) => (j === i ? { ...q, ...change } : q)));
  return (
    <div className="grid gap-4 sm:col-span-2">
      {props.questions.map((q, i) => (
        <fieldset
          key={q.key}
          className="grid gap-3 rounded-lg border p-3"
          aria-label={t('admin.question', { n: i + 1 })}
        >
          <div className="flex items-center gap-2">
            <strong className="mr-auto text-sm">{t('admin.question', { n: i + 1 })}</strong>
            {props.questions.length > 1 && (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => props.setQuestions(props.questions.filter((_, j) => j !== i))}
              >
                <Trash2 aria-hidden="true" />
                {t('admin.removeQuestion')}
              </Button>
            )}
          </div>
          <FormField label={t('admin.prompt')}>
            <Input value={q.prompt} maxLength={500} onChange={(e) => update(i, { prompt: e.target.value })} />
          </FormField>
          <FormField label={t('admin.choices')} description={t('admin.choicesHelp')}>
            <Textarea
              rows={3}
              value={q.choices}
              onChange={(e) => update(i, { choices: e.target.value, correct: [] })}
            />
          </FormField>
          {linesOf(q.choices).length > 0 && (
            <fieldset className="grid gap-1">
              <legend className="font-medium text-sm">{t('admin.right')}</legend>
              {linesOf(q.choices).map((choice, c) => (
                <FormCheckbox
                  // biome-ignore lint/suspicious/noArrayIndexKey: a choice is its line; two lines may read the same
                  key={c}
                  id={`quiz-${i}-right-${c}`}
                  label={choice}
                  checked={q.correct.includes(c)}
                  onChange={(on) =>
                    update(i, { correct: on ? [...q.correct, c].sort() : q.correct.filter((x) => x !== c) })
                  }
                />
              ))}
            </fieldset>
          )}
        </fieldset>
      ))}
      <Button
        type="button"
        variant="outline"
        className="justify-self-start"
        onClick={() => props.setQuestions([...props.questions, emptyQuestion()])}
      >
        <Plus aria-hidden="true" />
        {t('admin.addQuestion')}
      </Button>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('admin.passPercent')}>
          <Input
            type="number"
            min={1}
            max={100}
            value={props.settings.passPercent}
            onChange={(e) => props.setSettings({ ...props.settings, passPercent: e.target.value })}
          />
        </FormField>
        <FormField label={t('admin.maxAttempts')}>
          <Input
            type="number"
            min={1}
            max={20}
            value={props.settings.maxAttempts}
            onChange={(e) => props.setSettings({ ...props.settings, maxAttempts: e.target.value })}
          />
        </FormField>
      </div>
    </div>
  );
}

/**
 * The kind's settings fields and the parameter they make: null while they do not read yet, with the
 * problem to show. Kinds that are not tasks have no fields and an empty parameter.
 */
export function useTaskSettings(kind: string): {
  fields: ReactNode;
  parameter: Record<string, unknown> | null;
  problem: string | null;
  reset: () => void;
} {
  const { t } = useTranslation('tasks');
  const [questions, setQuestions] = useState<Question[]>([emptyQuestion()]);
  const [quiz, setQuiz] = useState({ passPercent: '100', maxAttempts: '3' });
  const [url, setUrl] = useState('');
  const [onchain, setOnchain] = useState({ programId: '', minSol: '' });
  const reset = () => {
    setQuestions([emptyQuestion()]);
    setUrl('');
    setOnchain({ programId: '', minSol: '' });
  };
  if (!isTaskKind(kind)) return { fields: null, parameter: {}, problem: null, reset };

  let draft: unknown = {};
  let fields: ReactNode = null;
  if (kind === 'quiz') {
    draft = {
      questions: questions.map((q) => ({
        prompt: q.prompt,
        choices: linesOf(q.choices),
        correct: q.correct,
        multiple: q.correct.length > 1,
      })),
      passPercent: Number(quiz.passPercent),
      maxAttempts: Number(quiz.maxAttempts),
    };
    fields = (
      <QuizFields questions={questions} setQuestions={setQuestions} settings={quiz} setSettings={setQuiz} />
    );
  } else if (kind === 'visit_link') {
    draft = { url };
    fields = (
      <FormField label={t('admin.url')} className="sm:col-span-2">
        <Input
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </FormField>
    );
  } else if (kind === 'onchain_tx') {
    draft = {
      network: 'sol',
      programId: onchain.programId.trim(),
      ...(onchain.minSol.trim() ? { minLamports: lamportsOf(onchain.minSol) } : {}),
    };
    fields = (
      <>
        <FormField label={t('admin.programId')} description={t('admin.programIdHelp')}>
          <Input
            value={onchain.programId}
            onChange={(e) => setOnchain({ ...onchain, programId: e.target.value })}
            className="font-mono"
          />
        </FormField>
        <FormField label={t('admin.minSol')} description={t('admin.minSolHelp')}>
          <Input
            inputMode="decimal"
            value={onchain.minSol}
            onChange={(e) => setOnchain({ ...onchain, minSol: e.target.value })}
          />
        </FormField>
      </>
    );
  }
  const parsed = taskParameterSchemas[kind].safeParse(draft);
  return {
    fields,
    parameter: parsed.success ? (draft as Record<string, unknown>) : null,
    problem: parsed.success ? null : t(`admin.incomplete.${kind}`),
    reset,
  };
}

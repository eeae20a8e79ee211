import { ZPassCode } from '@puffy/contracts';
import { Ticket, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { Button } from '../components/ui/button';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { trpc } from '../lib/trpc';

/**
 * A device pass code, checked without using it (`device.pass.validate`); a valid one joins the quote,
 * which applies it. The code is used only when the order is placed.
 */
export function PassEntry({
  applied,
  onApply,
}: {
  applied: string | null;
  onApply: (code: string | null) => void;
}) {
  const { t } = useTranslation('store');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const validate = trpc.device.pass.validate.useMutation();

  if (applied) {
    return (
      <div
        className="flex flex-wrap items-center gap-3 rounded-lg border border-success/30 bg-success/8 px-3 py-2 text-sm"
        data-testid="pass-applied"
      >
        <Ticket className="size-4 shrink-0 text-success" aria-hidden="true" />
        <p className="min-w-0 flex-1">
          {t('pass.applied')} <span className="break-all font-mono">{applied}</span>
        </p>
        <Button variant="ghost" size="sm" onClick={() => onApply(null)}>
          <X aria-hidden="true" />
          {t('pass.remove')}
        </Button>
      </div>
    );
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZPassCode.safeParse(code);
    if (!parsed.success) {
      setProblem(t('pass.format'));
      return;
    }
    setProblem(null);
    try {
      const answer = await validate.mutateAsync({ code: parsed.data });
      if (answer.valid) onApply(answer.code);
      else setProblem(t(`pass.refused.${answer.reason ?? 'other'}`));
    } catch {
      // The mutation's error is shown below (rate limit countdown included).
    }
  };

  return (
    <form className="grid gap-2" onSubmit={submit} noValidate>
      <div className="flex flex-wrap items-start gap-2">
        <FormField
          label={t('pass.label')}
          description={t('pass.hint')}
          error={problem}
          className="min-w-0 flex-1 basis-56"
        >
          <Input
            className="font-mono uppercase"
            value={code}
            placeholder="PASS-XXXX-XXXX-XXXX-XXXX"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setCode(event.target.value)}
          />
        </FormField>
        <Button type="submit" variant="secondary" className="sm:mt-6" disabled={validate.isPending}>
          {t('pass.check')}
        </Button>
      </div>
      {validate.error && <ErrorMessage key={validate.submittedAt} error={validate.error} />}
    </form>
  );
}

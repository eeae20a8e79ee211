import { type TPassValidation, ZPassCode } from '@puffy/contracts';
import { useId, useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { trpc } from '../lib/trpc';

const REASON: Record<NonNullable<TPassValidation['reason']>, string> = {
  unknown: 'There is no pass with this code.',
  used: 'This pass was already used.',
  revoked: 'This pass was revoked.',
};

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
  const id = useId();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const validate = trpc.device.pass.validate.useMutation();

  if (applied) {
    return (
      <div className="store-pass" data-testid="pass-applied">
        <p>
          Device pass <span className="mono">{applied}</span> applies to this quote.
        </p>
        <button type="button" onClick={() => onApply(null)}>
          Remove pass
        </button>
      </div>
    );
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZPassCode.safeParse(code);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Check the code.');
      return;
    }
    setProblem(null);
    try {
      const answer = await validate.mutateAsync({ code: parsed.data });
      if (answer.valid) onApply(answer.code);
      else setProblem(answer.reason ? REASON[answer.reason] : 'This pass cannot be used.');
    } catch {
      // The mutation's error is shown below (rate limit countdown included).
    }
  };

  return (
    <form className="store-pass inline-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-code`}>Device pass code</label>
      <input
        id={`${id}-code`}
        value={code}
        placeholder="PASS-XXXX-XXXX-XXXX-XXXX"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => setCode(event.target.value)}
      />
      <button type="submit" disabled={validate.isPending}>
        Check pass
      </button>
      {problem && (
        <p id={`${id}-error`} className="store-field-error" role="alert">
          {problem}
        </p>
      )}
      {validate.error && <ErrorMessage key={validate.submittedAt} error={validate.error} />}
    </form>
  );
}

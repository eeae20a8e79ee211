import type { TCampaign, TEligibilityFirstOutput, TWalletChain } from '@puffy/contracts';
import { CheckCircle2, CircleDashed, Star, WalletCards } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { Badge } from '../components/ui/badge';
import { Button } from '../components/ui/button';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { WalletTypeSelect } from './eligibility-checker';
import { Panel } from './panel';

// The server takes at most this many campaigns per call (ELIGIBILITY_FIRST_MAX in contracts).
const MAX_CAMPAIGNS = 20;

/**
 * One wallet against every campaign shown (eligibility.first): which ones it qualifies for, and the
 * first of them. Nothing is saved: it is the dry run, for many campaigns at once.
 */
export function MultiCheck({ campaigns }: { campaigns: TCampaign[] }) {
  const { t } = useTranslation('campaign');
  const auth = useAuth();
  const utils = trpc.useUtils();
  const [chain, setChain] = useState<TWalletChain>(auth.user?.chain ?? 'sol');
  const [address, setAddress] = useState(auth.user?.walletAddress ?? '');
  const [result, setResult] = useState<TEligibilityFirstOutput | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const asked = campaigns.slice(0, MAX_CAMPAIGNS);
  const names = new Map(asked.map((c) => [c.id, c.name]));
  const fieldErrors = error ? describeError(error).fieldErrors : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      setResult(
        await utils.client.eligibility.first.query({
          wallet: { chain, address: address.trim() },
          campaignIds: asked.map((c) => c.id),
        }),
      );
    } catch (failure) {
      setResult(null);
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  if (asked.length === 0) return null;
  return (
    <Panel icon={WalletCards} title={t('multi.title')} description={t('multi.lead', { count: asked.length })}>
      <form className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)_auto] sm:items-end" onSubmit={submit}>
        <FormField label={t('checker.walletType')} error={fieldErrors['wallet.chain']?.join(' ')}>
          <WalletTypeSelect value={chain} onChange={setChain} />
        </FormField>
        <FormField label={t('checker.address')} error={fieldErrors['wallet.address']?.join(' ')}>
          <Input
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
        </FormField>
        <Button type="submit" disabled={pending || address.trim() === ''}>
          {pending ? t('checker.checking') : t('multi.check')}
        </Button>
      </form>
      {error !== null && <ErrorMessage error={error} fieldsShownInForm />}
      {result && (
        <ul className="grid gap-2" data-testid="multi-check-answers">
          {result.answers.map((answer) => {
            const first = answer.campaignId === result.firstEligibleCampaignId;
            return (
              <li
                key={answer.campaignId}
                data-outcome={answer.outcome}
                className="flex flex-wrap items-start gap-x-3 gap-y-1 rounded-lg border px-3 py-2.5"
              >
                {answer.outcome === 'eligible' ? (
                  <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
                ) : (
                  <CircleDashed className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                )}
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{names.get(answer.campaignId) ?? t('multi.campaign')}</span>
                  <span className="block text-muted-foreground text-sm">{answer.message}</span>
                </span>
                {first && (
                  <Badge variant="success">
                    <Star aria-hidden="true" />
                    {t('multi.first')}
                  </Badge>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

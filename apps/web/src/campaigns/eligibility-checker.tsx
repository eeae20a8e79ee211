import { type TCampaign, type TWalletChain, ZWalletChain } from '@puffy/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { trpc } from '../lib/trpc';
import { EligibilityAnswerView } from './eligibility-answer';
import type { EligibilityCheck } from './use-eligibility-check';
import { useRetryLock } from './use-retry-lock';
import { readWalletField } from './wallet-field';
import { WALLET_LABEL, WALLET_OF_NETWORK } from './words';

/** Any wallet, no sign-in, nothing saved (`campaign.checkEligibleDryRun`). */
function DryRunForm({ campaign }: { campaign: TCampaign }) {
  const utils = trpc.useUtils();
  const ids = useId();
  const [chain, setChain] = useState<TWalletChain>(WALLET_OF_NETWORK[campaign.network]);
  const [address, setAddress] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const dryRun = useMutation({
    mutationFn: (wallet: { chain: TWalletChain; address: string }) =>
      utils.client.campaign.checkEligibleDryRun.query({ campaignId: campaign.id, wallet }),
  });
  const locked = useRetryLock(dryRun.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readWalletField(chain, address);
    if (!read.ok) {
      setFieldError(read.message);
      return;
    }
    setFieldError(null);
    dryRun.mutate(read.wallet);
  };

  return (
    <form className="campaign-form" onSubmit={submit} noValidate aria-label="Check a wallet">
      <label htmlFor={`${ids}-chain`}>Wallet type</label>
      <select
        id={`${ids}-chain`}
        value={chain}
        onChange={(e) => setChain(ZWalletChain.parse(e.target.value))}
      >
        {ZWalletChain.options.map((c) => (
          <option key={c} value={c}>
            {WALLET_LABEL[c]}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-address`}>Wallet address</label>
      <input
        id={`${ids}-address`}
        value={address}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={fieldError !== null}
        aria-describedby={fieldError ? `${ids}-address-error` : undefined}
        onChange={(e) => setAddress(e.target.value)}
      />
      {fieldError && (
        <p id={`${ids}-address-error`} className="campaign-field-error">
          {fieldError}
        </p>
      )}
      <button type="submit" disabled={dryRun.isPending || locked}>
        {dryRun.isPending ? 'Checking…' : 'Check eligibility'}
      </button>
      {dryRun.isError && (
        <ErrorMessage
          key={dryRun.submittedAt}
          error={dryRun.error}
          onRetry={dryRun.variables ? () => dryRun.variables && dryRun.mutate(dryRun.variables) : undefined}
        />
      )}
      {dryRun.data && <EligibilityAnswerView answer={dryRun.data} campaign={campaign} />}
      {dryRun.data && !dryRun.isError && (
        <p className="small muted">A preview: nothing is saved until you sign in and check.</p>
      )}
    </form>
  );
}

/** The member's own wallets, recorded when they pass (`campaign.checkEligible`). */
function RecordedCheck({ campaign, check }: { campaign: TCampaign; check: EligibilityCheck }) {
  const locked = useRetryLock(check.error);
  const run = () => check.mutate({ campaignId: campaign.id });
  return (
    <div className="campaign-form">
      <p>We check every wallet on your account and save the result when you qualify.</p>
      <button type="button" onClick={run} disabled={check.isPending || locked}>
        {check.isPending ? 'Checking…' : 'Check my eligibility'}
      </button>
      {check.isError && <ErrorMessage key={check.submittedAt} error={check.error} onRetry={run} />}
      {check.data && <EligibilityAnswerView answer={check.data} campaign={campaign} />}
    </div>
  );
}

/** Works before sign-in (a preview for any wallet) and after (the recorded check of the member). */
export function EligibilityChecker({ campaign, check }: { campaign: TCampaign; check: EligibilityCheck }) {
  const auth = useAuth();
  return (
    <section className="card campaign-checker" aria-labelledby="checker-title">
      <h2 id="checker-title">Am I eligible?</h2>
      {auth.status === 'signedIn' ? (
        <>
          <RecordedCheck campaign={campaign} check={check} />
          <details>
            <summary>Check another wallet without saving</summary>
            <DryRunForm campaign={campaign} />
          </details>
        </>
      ) : (
        <>
          <p className="muted">Paste any wallet address to see whether it qualifies. No sign-in needed.</p>
          <DryRunForm campaign={campaign} />
        </>
      )}
    </section>
  );
}

import { type TCampaign, type TWalletChain, ZWalletChain } from '@puffy/contracts';
import { useMutation } from '@tanstack/react-query';
import { ChevronDown, SearchCheck } from 'lucide-react';
import { type ComponentProps, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/error-message';
import { Button } from '../components/ui/button';
import { FormField } from '../components/ui/form-field';
import { Input } from '../components/ui/input';
import { Select } from '../components/ui/select';
import { trpc } from '../lib/trpc';
import { EligibilityAnswerView } from './eligibility-answer';
import { Panel } from './panel';
import type { EligibilityCheck } from './use-eligibility-check';
import { useRetryLock } from './use-retry-lock';
import { readWalletField } from './wallet-field';
import { WALLET_OF_NETWORK } from './words';

/** The wallet family picker every wallet check uses, in the member's words; FormField wires its id. */
export function WalletTypeSelect({
  value,
  onChange,
  ...wiring
}: Omit<ComponentProps<typeof Select>, 'value' | 'onChange'> & {
  value: TWalletChain;
  onChange: (chain: TWalletChain) => void;
}) {
  const { t } = useTranslation('campaign');
  return (
    <Select {...wiring} value={value} onChange={(e) => onChange(ZWalletChain.parse(e.target.value))}>
      {ZWalletChain.options.map((c) => (
        <option key={c} value={c}>
          {t(`wallet.${c}`)}
        </option>
      ))}
    </Select>
  );
}

/** A wallet address field: as typed (no autocomplete, no spelling), in a fixed-width face. */
export function WalletAddressInput({
  value,
  onChange,
  ...wiring
}: Omit<ComponentProps<typeof Input>, 'value' | 'onChange'> & {
  value: string;
  onChange: (address: string) => void;
}) {
  return (
    <Input
      {...wiring}
      value={value}
      autoComplete="off"
      spellCheck={false}
      className="font-mono"
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** Any wallet, no sign-in, nothing saved (`campaign.checkEligibleDryRun`). */
function DryRunForm({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation('campaign');
  const utils = trpc.useUtils();
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
      setFieldError(
        read.message ?? (address.trim() === '' ? t('checker.enterAddress') : t('checker.notAddress')),
      );
      return;
    }
    setFieldError(null);
    dryRun.mutate(read.wallet);
  };

  return (
    <form className="grid gap-3" onSubmit={submit} noValidate aria-label={t('checker.formLabel')}>
      <FormField label={t('checker.walletType')}>
        <WalletTypeSelect value={chain} onChange={setChain} />
      </FormField>
      <FormField label={t('checker.address')} error={fieldError}>
        <WalletAddressInput value={address} onChange={setAddress} />
      </FormField>
      <Button type="submit" className="justify-self-start" disabled={dryRun.isPending || locked}>
        {dryRun.isPending ? t('checker.checking') : t('checker.check')}
      </Button>
      {dryRun.isError && (
        <ErrorMessage
          key={dryRun.submittedAt}
          error={dryRun.error}
          onRetry={dryRun.variables ? () => dryRun.variables && dryRun.mutate(dryRun.variables) : undefined}
        />
      )}
      {dryRun.data && <EligibilityAnswerView answer={dryRun.data} campaign={campaign} />}
      {dryRun.data && !dryRun.isError && (
        <p className="text-muted-foreground text-xs">{t('checker.previewNote')}</p>
      )}
    </form>
  );
}

/** The member's own wallets, recorded when they pass (`campaign.checkEligible`). */
function RecordedCheck({ campaign, check }: { campaign: TCampaign; check: EligibilityCheck }) {
  const { t } = useTranslation('campaign');
  const locked = useRetryLock(check.error);
  const run = () => check.mutate({ campaignId: campaign.id });
  return (
    <div className="grid gap-3">
      <p className="text-sm">{t('checker.recordedLead')}</p>
      <Button className="justify-self-start" onClick={run} disabled={check.isPending || locked}>
        {check.isPending ? t('checker.checking') : t('checker.checkMine')}
      </Button>
      {check.isError && <ErrorMessage key={check.submittedAt} error={check.error} onRetry={run} />}
      {check.data && <EligibilityAnswerView answer={check.data} campaign={campaign} />}
    </div>
  );
}

/** Works before sign-in (a preview for any wallet) and after (the recorded check of the member). */
export function EligibilityChecker({ campaign, check }: { campaign: TCampaign; check: EligibilityCheck }) {
  const { t } = useTranslation('campaign');
  const auth = useAuth();
  const signedIn = auth.status === 'signedIn';
  return (
    <Panel
      icon={SearchCheck}
      title={t('checker.title')}
      description={signedIn ? undefined : t('checker.guestLead')}
    >
      {signedIn ? (
        <>
          <RecordedCheck campaign={campaign} check={check} />
          <details className="group grid gap-3 rounded-lg border px-3 py-2">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-2 font-medium text-sm [&::-webkit-details-marker]:hidden">
              {t('checker.another')}
              <ChevronDown
                className="size-4 shrink-0 transition-transform group-open:rotate-180"
                aria-hidden="true"
              />
            </summary>
            <div className="pt-3 pb-1">
              <DryRunForm campaign={campaign} />
            </div>
          </details>
        </>
      ) : (
        <DryRunForm campaign={campaign} />
      )}
    </Panel>
  );
}

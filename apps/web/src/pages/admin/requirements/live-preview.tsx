import type { TCampaign, TEligibilityWallet, TRequirement, TWalletChain } from '@puffy/contracts';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EligibilityAnswerView } from '../../../campaigns/eligibility-answer';
import { WalletAddressInput, WalletTypeSelect } from '../../../campaigns/eligibility-checker';
import { readWalletField } from '../../../campaigns/wallet-field';
import { ErrorMessage } from '../../../components/error-message';
import { FormField } from '../../../components/ui/form-field';
import { trpc } from '../../../lib/trpc';
import { BuilderPanel } from '../campaign-parts';

/** How long the draft and the wallet must rest before the preview asks the server again. */
export const PREVIEW_DEBOUNCE_MS = 500;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The draft tried against a wallet as the dry run would (`admin.requirements.preview`, nothing
 * written), asked again each time the draft or the wallet settles. A draft the builder still refuses
 * is not sent: the preview waits for it to be whole.
 */
export function LivePreview({
  campaignId,
  tree,
  collectionName,
}: {
  campaignId: number;
  /** Null while the draft has issues. */
  tree: TRequirement | null;
  collectionName: TCampaign['collectionName'];
}) {
  const { t } = useTranslation('campaign', { keyPrefix: 'requirementTree' });
  const [chain, setChain] = useState<TWalletChain>('sol');
  const [address, setAddress] = useState('');
  const read = readWalletField(chain, address);
  const wallet: TEligibilityWallet | null = read.ok ? read.wallet : null;
  // Debounced as text: the draft and wallet are new objects on every render, their JSON is not.
  const settledJson = useDebounced(JSON.stringify({ wallet, tree }), PREVIEW_DEBOUNCE_MS);
  const settled = useMemo(
    () => JSON.parse(settledJson) as { wallet: TEligibilityWallet | null; tree: TRequirement | null },
    [settledJson],
  );
  const preview = trpc.admin.requirements.preview.useQuery(
    { campaignId, wallet: settled.wallet ?? { chain, address: '' }, requirements: settled.tree ?? undefined },
    {
      enabled: settled.wallet !== null && settled.tree !== null,
      placeholderData: keepPreviousData,
      retry: false,
    },
  );
  return (
    <BuilderPanel title={t('preview.title')} description={t('preview.description')}>
      <div className="grid gap-3" data-testid="requirements-preview">
        <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <FormField label={t('preview.walletType')}>
            <WalletTypeSelect value={chain} onChange={setChain} />
          </FormField>
          <FormField
            label={t('preview.address')}
            error={!read.ok && address.trim() !== '' ? (read.message ?? t('preview.notAddress')) : undefined}
          >
            <WalletAddressInput value={address} onChange={setAddress} />
          </FormField>
        </div>
        {tree === null && <p className="text-muted-foreground text-sm">{t('preview.fixFirst')}</p>}
        {tree !== null && !wallet && (
          <p className="text-muted-foreground text-sm">{t('preview.enterWallet')}</p>
        )}
        {preview.isFetching && (
          <p className="text-muted-foreground text-xs" role="status">
            {t('preview.checking')}
          </p>
        )}
        {preview.error && <ErrorMessage error={preview.error} />}
        {preview.data && settled.wallet && settled.tree && (
          <EligibilityAnswerView answer={preview.data} campaign={{ collectionName }} />
        )}
      </div>
    </BuilderPanel>
  );
}

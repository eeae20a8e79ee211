import type { TNftProgress, TPromotion } from '@puffy/contracts';
import { Hammer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { trpc } from '../lib/trpc';
import { SignatureDisclosure } from '../pay/signature-disclosure';
import { RefusalNotice } from './refusal-notice';

/** Promotions a member may mint themself: a collection to mint into, on a network the server checks. */
export function allowsDirectMint(promotion: TPromotion): promotion is TPromotion & {
  collectionAddress: string;
  network: 'sol' | 'soon';
} {
  return (
    promotion.collectionAddress !== null && (promotion.network === 'sol' || promotion.network === 'soon')
  );
}

/**
 * The direct path (`promotion.recordMint`): a member who minted into the promotion's collection with
 * their own wallet pastes the transaction; the server checks it on the chain and records the NFT as
 * minted, with no gas fee to pay here.
 */
export function DirectMint({
  promotion,
  onRecorded,
}: {
  promotion: TPromotion & { collectionAddress: string; network: 'sol' | 'soon' };
  onRecorded: (progress: TNftProgress) => void;
}) {
  const { t } = useTranslation('nft');
  const record = trpc.promotion.recordMint.useMutation({ onSuccess: onRecorded });
  return (
    <section
      className="grid gap-3"
      aria-labelledby={`direct-mint-${promotion.id}`}
      data-testid="nft-direct-mint"
    >
      <h3 id={`direct-mint-${promotion.id}`} className="flex items-center gap-2 font-semibold text-base">
        <Hammer className="size-4 text-primary" aria-hidden="true" />
        {t('direct.title')}
      </h3>
      <p className="text-muted-foreground text-sm">{t('direct.lead')}</p>
      <SignatureDisclosure
        words={{
          summary: t('direct.summary'),
          lead: t('direct.how'),
          signature: t('direct.signature'),
          submit: record.isPending ? t('direct.recording') : t('direct.submit'),
          invalid: t('direct.invalid'),
        }}
        facts={[
          { label: t('direct.collection'), value: promotion.collectionAddress, testId: 'nft-collection' },
        ]}
        busy={record.isPending}
        onSubmit={(transactionHash) => record.mutate({ transactionHash, network: promotion.network })}
      />
      {record.error && <RefusalNotice key={record.submittedAt} error={record.error} />}
    </section>
  );
}

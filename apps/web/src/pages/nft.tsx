import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadingLines } from '../campaigns/loading-lines';
import { NotFoundCard } from '../campaigns/not-found-card';
import { ErrorMessage } from '../components/error-message';
import { useDocumentTitle } from '../lib/document-title';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { NftPublicView } from '../nft/public-view';

function NotFound({ because }: { because: string }) {
  const { t } = useTranslation('nft');
  return (
    <NotFoundCard
      title={t('public.notFound')}
      body={because}
      back={t('public.seeCampaigns')}
      testId="nft-not-found"
    />
  );
}

function NftById({ id }: { id: number }) {
  const { t } = useTranslation('nft');
  const nft = trpc.nft.public.useQuery({ id });
  useDocumentTitle(nft.data?.name ?? t('public.title'));
  if (nft.isPending) return <LoadingLines lines={6} label={t('public.loading')} />;
  if (nft.isError) {
    if (describeError(nft.error).code === 'NOT_FOUND') return <NotFound because={t('public.notMinted')} />;
    return <ErrorMessage error={nft.error} onRetry={() => void nft.refetch()} />;
  }
  return <NftPublicView nft={nft.data} />;
}

/** The public share page of a minted NFT (`/nft/:id`); the server adds its link-preview meta. */
export default function NftPage() {
  const { t } = useTranslation('nft');
  const { id = '' } = useParams();
  const number = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
  if (number === null || number > 2_147_483_647) return <NotFound because={t('public.badLink')} />;
  return <NftById id={number} />;
}

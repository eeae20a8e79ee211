import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../components/error-message';
import { PageSkeleton } from '../components/skeleton';
import { useDocumentTitle } from '../lib/document-title';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { NftPublicView } from '../nft/public-view';

function NotFound({ because }: { because: string }) {
  return (
    <section className="card nft-not-found" data-testid="nft-not-found">
      <h1>NFT not found</h1>
      <p>{because}</p>
      <Link to="/campaigns">See the campaigns</Link>
    </section>
  );
}

function NftById({ id }: { id: number }) {
  const nft = trpc.nft.public.useQuery({ id });
  useDocumentTitle(nft.data?.name ?? 'NFT');
  if (nft.isPending) return <PageSkeleton />;
  if (nft.isError) {
    if (describeError(nft.error).code === 'NOT_FOUND') {
      return <NotFound because="There is no minted NFT at this link. It may not be minted yet." />;
    }
    return <ErrorMessage error={nft.error} onRetry={() => void nft.refetch()} />;
  }
  return <NftPublicView nft={nft.data} />;
}

/** The public share page of a minted NFT (`/nft/:id`); the server adds its link-preview meta. */
export default function NftPage() {
  const { id = '' } = useParams();
  const number = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
  if (number === null || number > 2_147_483_647) {
    return <NotFound because="This link does not name an NFT. Check that it was copied completely." />;
  }
  return <NftById id={number} />;
}

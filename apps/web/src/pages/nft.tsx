import { useParams } from 'react-router-dom';
import { ComingSoon } from '../components/coming-soon';

/** The public share page of a minted NFT (`/nft/:id`); the server adds its link-preview meta. */
export default function NftPage() {
  const { id } = useParams();
  const valid = id !== undefined && /^[1-9][0-9]{0,15}$/.test(id);
  return (
    <ComingSoon
      title={valid ? `NFT #${id}` : 'NFT'}
      arrivesWith="the promotional NFT"
      plans={[
        'The NFT image, its name and number, its campaign and the mint transaction.',
        'A link you can share, with a preview on X and Discord.',
      ]}
    >
      {!valid && <p>This link does not name an NFT. Check that it was copied completely.</p>}
    </ComingSoon>
  );
}

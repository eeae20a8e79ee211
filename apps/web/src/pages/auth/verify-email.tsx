import { useSearchParams } from 'react-router-dom';
import { ComingSoon } from '../../components/coming-soon';

/** Target of the one-click link in the verification email (`/auth/verify-email?token=…`). */
export default function VerifyEmailPage() {
  const [params] = useSearchParams();
  return (
    <ComingSoon
      title="Verify your email"
      arrivesWith="linked accounts"
      plans={[
        'The link from your verification email confirms your address here, in one click.',
        'Clear answers when a link has expired or was already used.',
      ]}
    >
      {params.has('token') && (
        <p>Your link arrived, but email verification is not switched on yet, so nothing was changed.</p>
      )}
    </ComingSoon>
  );
}

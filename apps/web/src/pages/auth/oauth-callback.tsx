import { ComingSoon } from '../../components/coming-soon';

/** Where X (Twitter) sends the member back after they approve linking their account. */
export default function OAuthCallbackPage() {
  return (
    <ComingSoon
      title="Linking your X account"
      arrivesWith="linked accounts"
      plans={['After you approve on X, this page finishes linking the account to your profile.']}
    />
  );
}

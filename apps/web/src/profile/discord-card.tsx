import { ZDiscordAuthInput, ZDiscordCode } from '@puffy/contracts';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { Field } from './field';
import { schemaMessage } from './validation';

/** Campaigns whose Discord bot can issue a code: the active ones, one page (at most 100). */
const ACTIVE_CAMPAIGNS = { phase: 'active', limit: 100 } as const;

/**
 * Discord is linked with a one-time code a campaign's Discord bot gives the member. "Check" asks the
 * server whether the code would work without using it; "Link" redeems it.
 */
export function DiscordCard({ discord }: { discord: { id: string; username: string | null } | null }) {
  const campaigns = trpc.campaign.list.useQuery(ACTIVE_CAMPAIGNS, { staleTime: 60_000 });
  const [campaignId, setCampaignId] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const dryRun = trpc.campaign.discord.authDryRun.useMutation();
  const redeem = trpc.campaign.discord.auth.useMutation({
    onSuccess: () => {
      setCode('');
      void utils.user.info.invalidate();
    },
  });
  const items = campaigns.data?.items ?? [];
  const chosen = campaignId === '' ? (items[0]?.id ?? 0) : Number(campaignId);

  const validInput = () => {
    const message =
      schemaMessage(ZDiscordCode, code) ?? schemaMessage(ZDiscordAuthInput.shape.campaignId, chosen);
    setCodeError(message);
    dryRun.reset();
    redeem.reset();
    return message === null ? { campaignId: chosen, code } : null;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = validInput();
    if (input) redeem.mutate(input);
  };
  const check = () => {
    const input = validInput();
    if (input) dryRun.mutate(input);
  };
  const serverCodeError = redeem.isError ? (describeError(redeem.error).fieldErrors.code?.[0] ?? null) : null;
  const shownCodeError = codeError ?? serverCodeError;

  return (
    <section className="card profile-card" aria-labelledby="profile-discord">
      <h2 id="profile-discord">Discord</h2>
      {discord ? (
        <p>
          Linked as <strong>{discord.username ?? `Discord user ${discord.id}`}</strong>
        </p>
      ) : (
        <p>Not linked yet. Ask a campaign’s Discord bot for a code and enter it here.</p>
      )}
      {campaigns.isError && <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.isSuccess && items.length === 0 && (
        <p className="muted">No campaign is running now, so no Discord bot can give you a code.</p>
      )}
      {items.length > 0 && (
        <form className="profile-form" onSubmit={submit} noValidate>
          <div className="profile-field">
            <label htmlFor="profile-discord-campaign">Campaign</label>
            <select
              id="profile-discord-campaign"
              value={String(chosen)}
              onChange={(e) => setCampaignId(e.target.value)}
            >
              {items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <Field id="profile-discord-code" label="Code from the Discord bot" error={shownCodeError}>
            <input
              id="profile-discord-code"
              value={code}
              autoComplete="one-time-code"
              spellCheck={false}
              aria-invalid={shownCodeError !== null}
              aria-describedby={shownCodeError ? 'profile-discord-code-error' : undefined}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <div className="profile-actions">
            <button type="button" className="secondary" onClick={check} disabled={dryRun.isPending}>
              Check code
            </button>
            <button type="submit" disabled={redeem.isPending}>
              {redeem.isPending ? 'Linking…' : 'Link Discord'}
            </button>
          </div>
        </form>
      )}
      {dryRun.isSuccess && (
        <p className={dryRun.data.valid ? 'profile-success' : 'profile-field-error'} role="status">
          {dryRun.data.valid
            ? `This code works${dryRun.data.discordUsername ? ` for ${dryRun.data.discordUsername}` : ''}.`
            : (dryRun.data.reason ?? 'This code does not work.')}
        </p>
      )}
      {dryRun.isError && <ErrorMessage error={dryRun.error} />}
      {redeem.isSuccess && (
        <p className="profile-success" role="status">
          Discord linked{redeem.data.discordUsername ? ` as ${redeem.data.discordUsername}` : ''}.
        </p>
      )}
      {redeem.isError && <ErrorMessage error={redeem.error} />}
    </section>
  );
}

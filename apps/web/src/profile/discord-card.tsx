import { ZDiscordAuthInput, ZDiscordCode } from '@puffy/contracts';
import { MessageCircle } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message';
import { Alert, AlertDescription } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { describeError } from '../lib/errors';
import { trpc } from '../lib/trpc';
import { ChoiceField } from '../store/choice-field';
import { ProfilePanel } from './profile-panel';
import { SuccessNote } from './success-note';
import { TextField } from './text-field';
import { schemaMessage } from './validation';

/** Campaigns whose Discord bot can issue a code: the active ones, one page (at most 100). */
const ACTIVE_CAMPAIGNS = { phase: 'active', limit: 100 } as const;

/**
 * Discord is linked with a one-time code a campaign's Discord bot gives the member. "Check" asks the
 * server whether the code would work without using it; "Link" redeems it.
 */
export function DiscordCard({ discord }: { discord: { id: string; username: string | null } | null }) {
  const { t } = useTranslation('profile');
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
  const checked = dryRun.data;
  const linkedName = redeem.data?.discordUsername;

  return (
    <ProfilePanel section="discord" icon={MessageCircle}>
      <p className="text-sm">
        {discord ? (
          <Trans
            t={t}
            i18nKey="discord.linkedAs"
            values={{ name: discord.username ?? t('discord.user', { id: discord.id }) }}
            components={{ strong: <strong /> }}
          />
        ) : (
          t('discord.none')
        )}
      </p>
      {campaigns.isError && <ErrorMessage error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.isSuccess && items.length === 0 && (
        <p className="text-muted-foreground text-sm">{t('discord.noCampaign')}</p>
      )}
      {items.length > 0 && (
        <form className="grid gap-4" onSubmit={submit} noValidate>
          <ChoiceField
            label={t('discord.campaign')}
            value={String(chosen)}
            options={items.map((c) => ({ value: String(c.id), label: c.name }))}
            onChange={setCampaignId}
          />
          <TextField
            label={t('discord.code')}
            error={codeError ?? serverCodeError}
            value={code}
            onValue={setCode}
            autoComplete="one-time-code"
            spellCheck={false}
            className="font-mono"
          />
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={check} disabled={dryRun.isPending}>
              {t('discord.check')}
            </Button>
            <Button type="submit" disabled={redeem.isPending}>
              {redeem.isPending ? t('discord.linking') : t('discord.link')}
            </Button>
          </div>
        </form>
      )}
      {checked &&
        (checked.valid ? (
          <SuccessNote>
            {checked.discordUsername
              ? t('discord.worksFor', { name: checked.discordUsername })
              : t('discord.works')}
          </SuccessNote>
        ) : (
          <Alert variant="destructive" role="status">
            <AlertDescription className="text-foreground">
              {checked.reason ?? t('discord.fails')}
            </AlertDescription>
          </Alert>
        ))}
      {dryRun.isError && <ErrorMessage error={dryRun.error} />}
      {redeem.isSuccess && (
        <SuccessNote>
          {linkedName ? t('discord.linkedName', { name: linkedName }) : t('discord.linked')}
        </SuccessNote>
      )}
      {redeem.isError && <ErrorMessage error={redeem.error} />}
    </ProfilePanel>
  );
}

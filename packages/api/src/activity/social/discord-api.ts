import { z } from 'zod';
import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { askService, retryTime, ServiceThrottled } from './answer';

/*
 * Discord REST `GET /guilds/{guild.id}/members/{user.id}` with our bot's token
 * (docs/product/social-tasks.md): 200 is the member with their role ids, 404 (code 10007 Unknown
 * Member) is "not in the server", 429 says how many seconds to wait (`retry_after`).
 */

const ZGuildMember = z.object({ roles: z.array(z.string()), joined_at: z.string().nullable().optional() });
const ZRateLimited = z.object({ retry_after: z.number(), global: z.boolean().optional() });

export interface DiscordMembership {
  member: { roles: string[] } | null;
  answer: Record<string, unknown>;
}

export async function discordGuildMember(
  deps: Pick<Deps, 'clock' | 'social'>,
  guildId: string,
  discordUserId: string,
): Promise<DiscordMembership> {
  const config = deps.social.discord;
  if (!config)
    throw new PreconditionFailed('Discord tasks are not available on this server.', 'discord_not_configured');
  const path = `/guilds/${guildId}/members/${discordUserId}`;
  const answer = await askService('Discord', `${config.apiBaseUrl}${path}`, {
    headers: { authorization: `Bot ${config.botToken}`, accept: 'application/json' },
  });
  if (answer.status === 429) {
    const limited = ZRateLimited.safeParse(answer.body);
    const seconds = limited.success
      ? limited.data.retry_after
      : Number(answer.headers.get('retry-after') ?? answer.headers.get('x-ratelimit-reset-after') ?? 60);
    throw new ServiceThrottled('Discord', retryTime(deps.clock.now(), seconds), {
      status: 429,
      path,
      body: answer.body,
    });
  }
  const member = answer.status === 200 ? ZGuildMember.safeParse(answer.body) : null;
  if (member?.success)
    return {
      member: { roles: member.data.roles },
      answer: { status: 200, path, roles: member.data.roles, joinedAt: member.data.joined_at ?? null },
    };
  // 10007 Unknown Member, 10013 Unknown User: not in the server. Any other 404 (an unknown guild) is ours.
  const code = (answer.body as { code?: unknown } | null)?.code;
  if (answer.status === 404 && (code === 10007 || code === 10013))
    return { member: null, answer: { status: 404, path, body: answer.body } };
  // 401/403: our bot is not in that server or lost its rights; the member can do nothing about it.
  throw new PreconditionFailed(
    'We cannot check this Discord server right now. The team has been told; please try again later.',
    'discord_guild_unavailable',
  );
}

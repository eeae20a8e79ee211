import { z } from 'zod';
import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { askService, retryTime, ServiceThrottled } from './answer';

/*
 * Telegram Bot API `getChatMember` with our bot's token (docs/product/social-tasks.md). A member
 * counts while their status is creator, administrator or member, or restricted with is_member true;
 * left and kicked do not. A 429 carries `parameters.retry_after` seconds.
 */

const ZChatMember = z.object({
  ok: z.literal(true),
  result: z.object({ status: z.string(), is_member: z.boolean().optional() }),
});
const ZError = z.object({
  ok: z.literal(false),
  error_code: z.number(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().optional() }).optional(),
});

export interface TelegramMembership {
  member: boolean;
  answer: Record<string, unknown>;
}

/** The statuses that are "in the chat"; `restricted` counts only with is_member. */
export function countsAsMember(status: string, isMember: boolean | undefined): boolean {
  if (status === 'creator' || status === 'administrator' || status === 'member') return true;
  return status === 'restricted' && isMember === true;
}

export async function telegramChatMember(
  deps: Pick<Deps, 'clock' | 'social'>,
  chatId: string,
  telegramUserId: string,
): Promise<TelegramMembership> {
  const config = deps.social.telegram;
  if (!config)
    throw new PreconditionFailed(
      'Telegram tasks are not available on this server.',
      'telegram_not_configured',
    );
  const answer = await askService('Telegram', `${config.apiBaseUrl}/bot${config.botToken}/getChatMember`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ chat_id: chatId, user_id: Number(telegramUserId) }),
  });
  const evidence = { status: answer.status, method: 'getChatMember', chatId, body: answer.body };
  const ok = ZChatMember.safeParse(answer.body);
  if (ok.success)
    return { member: countsAsMember(ok.data.result.status, ok.data.result.is_member), answer: evidence };
  const error = ZError.safeParse(answer.body);
  if (answer.status === 429 || error.data?.error_code === 429)
    throw new ServiceThrottled(
      'Telegram',
      retryTime(deps.clock.now(), error.data?.parameters?.retry_after ?? 30),
      evidence,
    );
  // "user not found" / PARTICIPANT_ID_INVALID: the member never joined; a missing chat or a bot
  // without access is ours to fix.
  const description = error.data?.description ?? '';
  if (answer.status === 400 && !/chat not found/i.test(description))
    return { member: false, answer: evidence };
  throw new PreconditionFailed(
    'We cannot check this Telegram chat right now. The team has been told; please try again later.',
    'telegram_chat_unavailable',
  );
}

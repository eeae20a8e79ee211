import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../user/support/fake-x';

const BOT_TOKEN = '7000000001:AAtestTelegramBotTokenForPuffy_abcdefg';

export type ChatStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

/**
 * A local server speaking the Telegram Bot API's `getChatMember` (POST /bot<token>/getChatMember with
 * JSON), in its `{ ok, result }` / `{ ok: false, error_code, description, parameters }` shapes, and
 * the Login Widget's side: `login` signs a user's data with the bot token as Telegram documents.
 */
export async function startFakeTelegram() {
  const chats = new Map<string, Map<number, { status: ChatStatus; is_member?: boolean }>>();
  let retryAfter: number | null = null;
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== `/bot${BOT_TOKEN}/getChatMember`)
      return send(404, { ok: false, error_code: 404, description: 'Not Found' });
    const body = JSON.parse(await readBody(req)) as { chat_id: string; user_id: number };
    if (retryAfter !== null)
      return send(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    const chat = chats.get(String(body.chat_id));
    if (!chat) return send(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    const member = chat.get(body.user_id);
    if (!member) return send(400, { ok: false, error_code: 400, description: 'Bad Request: user not found' });
    send(200, {
      ok: true,
      result: {
        user: { id: body.user_id, is_bot: false, first_name: 'Member' },
        ...member,
        ...(member.status === 'restricted' ? { until_date: 0, can_send_messages: false } : {}),
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: {
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      TELEGRAM_BOT_USERNAME: 'puffy_test_bot',
      TELEGRAM_API_BASE_URL: `http://127.0.0.1:${port}`,
    },
    addChat(chatId: string) {
      chats.set(chatId, new Map());
    },
    set(chatId: string, userId: number, status: ChatStatus, isMember?: boolean) {
      chats.get(chatId)?.set(userId, { status, ...(isMember === undefined ? {} : { is_member: isMember }) });
    },
    rateLimit(seconds: number | null) {
      retryAfter = seconds;
    },
    /** What the Login Widget hands the page for this user, signed with `token` (our bot's unless given). */
    login(user: { id: number; first_name: string; username?: string }, authDate: number, token = BOT_TOKEN) {
      const fields: Record<string, string | number> = { ...user, auth_date: authDate };
      const check = Object.entries(fields)
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join('\n');
      const secret = createHash('sha256').update(token).digest();
      return { ...fields, hash: createHmac('sha256', secret).update(check).digest('hex') } as {
        id: number;
        first_name: string;
        username?: string;
        auth_date: number;
        hash: string;
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

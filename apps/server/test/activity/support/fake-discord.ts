import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const BOT_TOKEN = 'discord-test-bot-token';

/**
 * A local server speaking Discord REST v10's `GET /guilds/{guild.id}/members/{user.id}` as our bot
 * sees it: `Authorization: Bot <token>`, the guild member object with its role ids, 404 with code 10007
 * (Unknown Member), 403 with 50001 (Missing Access) for a guild the bot is not in, and 429 with
 * `retry_after` seconds and the X-RateLimit-* headers.
 */
export async function startFakeDiscord() {
  const guilds = new Map<string, Map<string, string[]>>();
  let retryAfter: number | null = null;
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bot ${BOT_TOKEN}`)
      return send(401, { message: '401: Unauthorized', code: 0 });
    const route = (req.url ?? '').match(/^\/api\/v10\/guilds\/(\d+)\/members\/(\d+)$/);
    if (req.method !== 'GET' || !route) return send(404, { message: '404: Not Found', code: 0 });
    if (retryAfter !== null)
      return send(
        429,
        { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
        {
          'retry-after': String(Math.ceil(retryAfter)),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(retryAfter),
        },
      );
    const guild = guilds.get(route[1] ?? '');
    if (!guild) return send(403, { message: 'Missing Access', code: 50001 });
    const roles = guild.get(route[2] ?? '');
    if (!roles) return send(404, { message: 'Unknown Member', code: 10007 });
    send(200, {
      user: { id: route[2], username: `member${route[2]}`, global_name: null, avatar: null },
      nick: null,
      roles,
      joined_at: '2026-01-01T00:00:00.000000+00:00',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/v10`;
  return {
    env: { DISCORD_BOT_TOKEN: BOT_TOKEN, DISCORD_API_BASE_URL: baseUrl },
    /** The bot is in this guild (members can then be added). */
    addGuild(guildId: string) {
      guilds.set(guildId, new Map());
    },
    join(guildId: string, userId: string, roles: string[] = []) {
      guilds.get(guildId)?.set(userId, roles);
    },
    leave(guildId: string, userId: string) {
      guilds.get(guildId)?.delete(userId);
    },
    rateLimit(seconds: number | null) {
      retryAfter = seconds;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

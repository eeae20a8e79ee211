import { type Deps, issueDiscordCodeForBot } from '@puffy/api';
import { guardedRoutes, type HttpAccess } from './access';

/**
 * `POST /bot/discord/codes`: a campaign's Discord bot asks for a one-time code for a Discord user.
 * Authenticated by an HMAC of `timestamp + "." + body` with the campaign's bot secret, so the raw body
 * is read as text and verified exactly as it was signed.
 */
export function discordBotRoutes(options: { deps: Deps; access: HttpAccess }) {
  const app = guardedRoutes();
  app.post('/bot/discord/codes', options.access.signedBot(), async (c) => {
    const result = await issueDiscordCodeForBot(options.deps, {
      timestamp: c.req.header('x-bot-timestamp'),
      signature: c.req.header('x-bot-signature'),
      body: await c.req.text(),
    });
    return c.json(result, 201);
  });
  return app;
}

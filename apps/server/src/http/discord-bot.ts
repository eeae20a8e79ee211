import { AppError, type Deps, issueDiscordCodeForBot } from '@puffy/api';
import type { TErrorCode } from '@puffy/contracts';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const statusOf: Partial<Record<TErrorCode, ContentfulStatusCode>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * `POST /bot/discord/codes`: a campaign's Discord bot asks for a one-time code for a Discord user.
 * Authenticated by an HMAC of `timestamp + "." + body` with the campaign's bot secret, so the raw body
 * is read as text and verified exactly as it was signed.
 */
export function discordBotRoutes(options: { deps: Deps }) {
  const app = new Hono();
  app.post('/bot/discord/codes', async (c) => {
    try {
      const result = await issueDiscordCodeForBot(options.deps, {
        timestamp: c.req.header('x-bot-timestamp'),
        signature: c.req.header('x-bot-signature'),
        body: await c.req.text(),
      });
      return c.json(result, 201);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const retryAfter = error.options.retryAfterSeconds;
      if (retryAfter) c.header('retry-after', String(retryAfter));
      return c.json(
        {
          error: {
            message: error.message,
            code: error.code,
            reason: error.options.reason ?? null,
            fieldErrors: error.options.fieldErrors ?? null,
          },
        },
        statusOf[error.code] ?? 500,
      );
    }
  });
  return app;
}

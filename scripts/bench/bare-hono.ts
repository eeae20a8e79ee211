// The throughput baseline: a Hono app with one route and nothing else (no middleware, no router
// beyond Hono's own), in its own process, answering the bytes and headers our server answered for
// the trivial query. Started by bare-baseline.ts; BARE_ANSWER holds the answer as JSON.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';

const ZAnswer = z.object({
  path: z.string(),
  status: z.number().int(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: z.string(),
});

const answer = ZAnswer.parse(JSON.parse(process.env.BARE_ANSWER ?? ''));
const headers = Object.fromEntries(answer.headers);
const app = new Hono();
// c.body with a string and a plain header record is Hono's cheapest answer on @hono/node-server.
app.get(answer.path, (c) => c.body(answer.body, answer.status as 200, headers));

const server = serve({ fetch: app.fetch, hostname: process.env.HOST, port: Number(process.env.PORT) });
process.once('SIGTERM', () => server.close(() => process.exit(0)));

import { z } from 'zod';

export const ZSystemVersion = z.object({
  name: z.literal('puffy-reward-center'),
  version: z.string(),
  commit: z.string().nullable(),
  environment: z.enum(['development', 'test', 'production']),
  database: z.enum(['sqlite', 'postgres']),
  store: z.enum(['memory', 'redis']),
  serverTime: z.iso.datetime(),
});
export type TSystemVersion = z.infer<typeof ZSystemVersion>;

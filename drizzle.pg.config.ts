import { defineConfig } from 'drizzle-kit';

/** Postgres migrations (production). Down files beside them are written by hand. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/pg/drizzle-kit.cjs',
  out: './drizzle/pg',
});

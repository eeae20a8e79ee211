import { defineConfig } from 'drizzle-kit';

/** SQLite migrations (development and the default start). Down files beside them are written by hand. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './packages/db/src/schema/sqlite/drizzle-kit.cjs',
  out: './drizzle/sqlite',
});

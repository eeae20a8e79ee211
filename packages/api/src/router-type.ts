/**
 * The one narrow export the SPA imports, as a type only: it never bundles server code, drizzle or
 * database schemas.
 */
export type { AppRouter } from './router';

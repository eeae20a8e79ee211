import type { AppRouter } from '@puffy/api/router-type';
import type { inferRouterOutputs } from '@trpc/server';

/** What the admin procedures answer, read from the router's type (the SPA never imports server code). */
export type AdminOutputs = inferRouterOutputs<AppRouter>['admin'];

/**
 * The one list of test projects. Vitest 4 no longer reads this file by itself, so vitest.config.ts
 * imports it: one list, not two.
 */
export default [
  'packages/contracts',
  'packages/db',
  'packages/store',
  'packages/jobs',
  'packages/chains',
  'packages/raffle',
  'packages/webhooks',
  'packages/sybil',
  'packages/seasons',
  'packages/partners',
  'packages/api',
  'apps/server',
  'apps/web',
  'e2e',
];

import type { TEligibilityWallet, TMissingActivity } from '@puffy/contracts';

/**
 * One leaf's answer. `sign_in`: only a signed-in member can be checked; `unavailable`: a chain did not
 * answer now (never read as a "no").
 */
export type LeafOutcome =
  | { state: 'passed'; detail: string; wallet?: TEligibilityWallet | null }
  | { state: 'failed'; detail: string; missing?: TMissingActivity[] }
  | { state: 'sign_in'; detail: string }
  | { state: 'unavailable'; detail: string };

import type { TEligibilityWallet } from '@puffy/contracts';
import type { Deps } from '../../deps';

export type TreeDeps = Pick<Deps, 'db' | 'store' | 'holdings' | 'logger' | 'clock'>;

/** Who is asking: a member (every leaf) or just a wallet (dry runs: wallet-bound leaves only). */
export interface EligibilitySubject {
  userId: string | null;
  wallets: TEligibilityWallet[];
}

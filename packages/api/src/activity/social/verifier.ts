import type { TSocialService } from '@puffy/contracts';
import type { Deps } from '../../deps';

/** What a checked task's module may use: the database, the store for X's token lock, the services. */
export type SocialDeps = Pick<Deps, 'db' | 'clock' | 'auth' | 'store' | 'twitter' | 'social'>;

export interface CheckInput {
  userId: string;
  /** The member's id on the kind's service (X user id, Discord user id, Telegram user id). */
  accountId: string;
  /** The activity's `parameter`, read by the kind's own schema. */
  parameter: unknown;
  /** A link the member sent (x_tag_post's post); absent on a re-check. */
  proofUrl?: string;
  /** What the completion being re-checked recorded (x_tag_post's post id). */
  recorded?: Record<string, unknown>;
}

export interface CheckResult {
  passed: boolean;
  /** The service's answer, kept as the check's evidence. */
  answer: Record<string, unknown>;
  /** Kept in the completion's data when the check passes (what a re-check asks about again). */
  data?: Record<string, unknown>;
}

/** One checked task kind: the service it asks and how. */
export interface SocialVerifier {
  service: TSocialService;
  check(deps: SocialDeps, input: CheckInput): Promise<CheckResult>;
}

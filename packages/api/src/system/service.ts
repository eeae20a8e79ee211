import type { TSystemVersion } from '@puffy/contracts';
import type { Deps } from '../deps';

export function describeVersion(
  deps: Pick<Deps, 'config' | 'db' | 'store' | 'clock' | 'twitter' | 'social'>,
): TSystemVersion {
  return {
    name: 'puffy-reward-center',
    version: deps.config.version,
    commit: deps.config.commit,
    environment: deps.config.environment,
    database: deps.db.dialect,
    store: deps.store.kind,
    serverTime: deps.clock.now().toISOString(),
    devChainUrl: deps.config.environment === 'production' ? null : deps.config.devChainUrl,
    xLinking: deps.twitter !== null,
    socialServices: {
      x: deps.twitter !== null,
      discord: deps.social.discord !== null,
      telegram: deps.social.telegram ? { botUsername: deps.social.telegram.botUsername } : null,
    },
    errorTracking: deps.config.errorTracking ?? null,
  };
}

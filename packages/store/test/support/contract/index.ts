import { afterEach, describe } from 'vitest';
import type { StoreHarness } from './harness';
import { describeHashContract } from './hashes';
import { describeIsolationContract } from './isolation';
import { describeKeyValueContract } from './kv';
import { describeLockContract } from './locks';
import { describePubSubContract } from './pubsub';

/** The one contract every store implementation passes. */
export function describeStoreContract(title: string, harness: StoreHarness): void {
  describe(title, () => {
    afterEach(() => harness.closeAll());
    describeKeyValueContract(harness);
    describeHashContract(harness);
    describeLockContract(harness);
    describePubSubContract(harness);
    describeIsolationContract(harness);
  });
}

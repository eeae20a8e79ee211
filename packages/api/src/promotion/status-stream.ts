import { type TNftStatusEvent, ZNftStatusEvent } from '@puffy/contracts';
import type { Deps } from '../deps';
import { channelStream } from '../platform/channel-stream';
import { nftsOfUser, progressOf, statusChannel } from './progress';

/**
 * The caller's NFTs now (one, when `nftId` is given), then every change to them, until the client goes
 * away. The channel is the owner's, so nobody else's NFTs can reach this stream.
 */
export function nftStatusStream(
  deps: Deps,
  userId: string,
  nftId: number | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<TNftStatusEvent> {
  return channelStream(deps, {
    channel: statusChannel(userId),
    schema: ZNftStatusEvent,
    keep: (event) => nftId === undefined || event.nftId === nftId,
    signal,
    current: async () => progressOf(deps, await nftsOfUser(deps, userId)),
  });
}

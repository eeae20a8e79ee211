import { ZXTagPostParameter } from '@puffy/contracts';
import { BadInput } from '../../platform/errors';
import type { SocialVerifier } from '../social/verifier';
import { readXPost, type XPost } from '../social/x-api';
import { parseXPostUrl } from '../x-post';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function postIdOf(input: { proofUrl?: string; recorded?: Record<string, unknown> }): string {
  if (typeof input.recorded?.statusId === 'string') return input.recorded.statusId;
  const link = input.proofUrl ? parseXPostUrl(input.proofUrl) : null;
  if (!link)
    throw new BadInput(
      'Paste the link to your X post, like https://x.com/yourhandle/status/1234567890.',
      { 'proof.url': ['Use a post link such as https://x.com/yourhandle/status/1234567890.'] },
      'proof_not_x_post',
    );
  return link.statusId;
}

/**
 * Posts with a hashtag or a mention: `GET /2/tweets/:id` shows the post written by the member's X
 * account with the tag in its entities. A deleted post stops counting at the next re-check.
 */
export const xTagPost: SocialVerifier = {
  service: 'x',
  async check(deps, input) {
    const wanted = ZXTagPostParameter.parse(input.parameter);
    const statusId = postIdOf(input);
    const { post, answer } = await readXPost(
      deps,
      { userId: input.userId, xUserId: input.accountId },
      statusId,
    );
    const tagged = (p: XPost) =>
      (wanted.hashtag === undefined ||
        (p.entities?.hashtags ?? []).some((h) => same(h.tag, wanted.hashtag ?? ''))) &&
      (wanted.mention === undefined ||
        (p.entities?.mentions ?? []).some((m) => same(m.username, wanted.mention ?? '')));
    const passed = post !== null && post.author_id === input.accountId && tagged(post);
    return { passed, answer, data: { statusId, url: `https://x.com/i/status/${statusId}` } };
  },
};

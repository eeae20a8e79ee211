import { ZXPostParameter } from '@puffy/contracts';
import { z } from 'zod';
import { xListCheck } from '../social/x-api';

const ZReferences = z.array(z.object({ type: z.string(), id: z.string() }));

/** Reposts a post: a post of the member's `GET /2/users/:id/tweets` references it as `retweeted`. */
export const xRepost = xListCheck(
  'tweets',
  { max_results: '100', 'tweet.fields': 'referenced_tweets' },
  (parameter) => {
    const { postId } = ZXPostParameter.parse(parameter);
    return (post) =>
      (ZReferences.safeParse(post.referenced_tweets).data ?? []).some(
        (r) => r.type === 'retweeted' && r.id === postId,
      );
  },
);

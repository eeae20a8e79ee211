import { ZXPostParameter } from '@puffy/contracts';
import { xListCheck } from '../social/x-api';

/** Likes a post: found in the member's `GET /2/users/:id/liked_tweets`. */
export const xLike = xListCheck('liked_tweets', { max_results: '100' }, (parameter) => {
  const { postId } = ZXPostParameter.parse(parameter);
  return (post) => post.id === postId;
});

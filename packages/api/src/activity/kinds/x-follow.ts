import { ZXFollowParameter } from '@puffy/contracts';
import { xListCheck } from '../social/x-api';

/** Follows an X account: found in the member's `GET /2/users/:id/following`. */
export const xFollow = xListCheck(
  'following',
  { max_results: '1000', 'user.fields': 'username' },
  (parameter) => {
    const { accountId } = ZXFollowParameter.parse(parameter);
    return (user) => user.id === accountId;
  },
);

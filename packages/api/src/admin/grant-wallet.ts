import { type TAdminScope, ZAdminScope } from '@puffy/contracts';
import { findOrCreateUser } from '../auth/users';
import type { Deps } from '../deps';
import { BadInput } from '../platform/errors';
import { type RoleChange, revokeAdmin, setAdminScopes } from './roles';
import { parseWalletSpec } from './wallet-spec';

/**
 * `pnpm admin:grant`: gives the wallet's member these scopes (all when none are named), creating the
 * member if the wallet never signed in, so a fresh install has a way into the console. Audited with
 * no actor (the command line) and a request id naming the command.
 */
export async function grantAdminToWallet(
  deps: Pick<Deps, 'db' | 'clock' | 'store' | 'auth' | 'logger'>,
  spec: string,
  scopeNames: string[],
  options: { revoke?: boolean } = {},
): Promise<RoleChange> {
  const wallet = parseWalletSpec(spec);
  if (!wallet)
    throw new BadInput(
      `"${spec}" is not chain:address for a sol, evm or ton wallet.`,
      undefined,
      'wallet_spec_invalid',
    );
  const scopes: TAdminScope[] = [];
  for (const name of scopeNames) {
    const scope = ZAdminScope.safeParse(name);
    if (!scope.success)
      throw new BadInput(
        `Unknown scope "${name}"; scopes are ${ZAdminScope.options.join(', ')}.`,
        undefined,
        'scope_unknown',
        {
          scope: name,
        },
      );
    scopes.push(scope.data);
  }
  const { user } = await findOrCreateUser(deps, wallet, { role: 'user', scopes: [] });
  const actor = { userId: null, requestId: 'cli:admin-grant' };
  const req = { requestId: actor.requestId, ip: 'command line' };
  if (options.revoke) return revokeAdmin(deps, actor, req, { userId: user.id });
  return setAdminScopes(deps, actor, req, {
    userId: user.id,
    scopes: scopes.length > 0 ? scopes : ZAdminScope.options,
  });
}

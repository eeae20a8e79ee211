// `pnpm admin:grant <chain:address> [scope,scope…] [--revoke]`: make a wallet's member an admin (all
// scopes unless named), or take the rights away. Uses the same configuration as the server.
import { grantAdminToWallet } from '@puffy/api';
import { closeDeps, createDeps, createLogger, loadProcessConfig } from '@puffy/server';

const args = process.argv.slice(2).filter((a) => a !== '--');
const revoke = args.includes('--revoke');
const [spec, scopeList = ''] = args.filter((a) => a !== '--revoke');
if (!spec) {
  process.stderr.write(
    'usage: pnpm admin:grant <chain:address> [campaigns,orders,users,settings] [--revoke]\n',
  );
  process.exit(64);
}

const { config } = loadProcessConfig({ ...process.env, RUN_WORKER: 'false', SEED_DEMO: 'false' });
const deps = await createDeps(config, createLogger({ level: 'warn' }));
try {
  const scopes = scopeList
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const { user, sessionsEnded } = await grantAdminToWallet(deps, spec, scopes, { revoke });
  process.stdout.write(
    `${user.chain}:${user.walletAddress} is now ${user.role}` +
      (user.scopes.length > 0 ? ` with ${user.scopes.join(', ')}` : '') +
      (sessionsEnded > 0 ? ` (${sessionsEnded} sessions ended)` : '') +
      '\n',
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await closeDeps(deps);
}

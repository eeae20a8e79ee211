import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for tests that run the operator scripts the way an operator does. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');

/** Runs `tsx <script> …args` from the repository root and returns its exit code and output. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

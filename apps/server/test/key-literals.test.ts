import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function check(...roots: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, ['.ci/key-literals.mjs', ...roots], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

/** A source folder holding one file with the given text. */
function sourceWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'puffy-keylit-'));
  writeFileSync(join(dir, 'planted.ts'), text);
  return dir;
}

describe('the key-shaped literal check (part of pnpm lint)', () => {
  it('passes on the server and package sources as they are', () => {
    expect(check()).toMatchObject({ status: 0, stderr: '' });
  });

  it('fails on a planted key, naming the file, the line and the name', () => {
    // Drawn per run: the planted values are key-shaped, and no key is written in this file either.
    const planted = [
      `const DEV_SIGNING_KEY = 'dev:${randomBytes(24).toString('base64url')}';`,
      `export const appSecret = "${randomBytes(32).toString('hex')}";`,
      `const config = { metricsToken: \`${randomBytes(30).toString('base64')}\` };`,
      `const secret = process.env.APP_SECRET ?? '${randomBytes(24).toString('base64url')}';`,
    ];
    for (const line of planted) {
      const run = check(sourceWith(`// fine\n${line}\n`));
      expect(run.status, line).toBe(1);
      expect(run.stderr, line).toMatch(/planted\.ts:2: "\w+" is given a key-shaped literal/);
      expect(run.stderr, line).not.toContain(line.split(/['"`]/)[1] ?? line);
    }
  });

  it('leaves alone what only looks like a key: public keys, names, URLs, env variables, short words', () => {
    const clean = sourceWith(
      [
        "const publicKey = 'GJRs4FwHtemZ5ZE9x3FNvJ8TMwitKTh21yxdRPqn7npE';",
        "const ACCESS_COOKIE = 'puffy_at';",
        "const CSRF_HEADER_TOKEN = 'x-csrf-token';",
        "const secretKey = 'SOLANA_MINT_AUTHORITY_KEY';",
        'const apiKey = process.env.TON_API_KEY;',
        "const tokenUrl = 'https://api.x.com/2/oauth2/token';",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text with a template literal in it
        'const markKey = (id: string) => `auth:session-state:${id}`;',
        "const token = 'short-one';",
        "const cacheKey = 'puffy:campaigns:list:page-one-of-all';",
      ].join('\n'),
    );
    expect(check(clean)).toMatchObject({ status: 0, stderr: '' });
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppRouter } from '@puffy/api';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../src/testing';
import { clientFor } from '../support/helpers';
import { signInSolana } from '../support/signin';

const k1 = 'k1:Vq3xR8mZ2nB7wL4pT9sK1dF6gH0jY5cE';
const k2 = 'k2:Hb6Nw1Qz8Xr3Lm5Ts0Kp9Vd2Fg7Jc4Ye';

function kidOf(token: string | undefined): string {
  const header = JSON.parse(Buffer.from((token ?? '').split('.')[0] ?? '', 'base64url').toString()) as {
    kid: string;
  };
  return header.kid;
}

describe('signing key rotation', () => {
  it('accepts tokens of the previous key until they expire, signs new ones with the new key', async () => {
    const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'puffy-keys-')), 'keys.sqlite')}`;
    const before = await startTestServer({ env: { DATABASE_URL: databaseUrl, JWT_SIGNING_KEYS: k1 } });
    const { session } = await signInSolana(before.url);
    await before.close();
    expect(kidOf(session.accessToken)).toBe('k1');

    const rotated = await startTestServer({
      env: { DATABASE_URL: databaseUrl, JWT_SIGNING_KEYS: `${k2},${k1}` },
    });
    try {
      const old = clientFor<AppRouter>(rotated.url, {
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
      expect((await old.auth.session.query()).signedIn).toBe(true);
      const fresh = await signInSolana(rotated.url);
      expect(kidOf(fresh.session.accessToken)).toBe('k2');
    } finally {
      await rotated.close();
    }

    const retired = await startTestServer({ env: { DATABASE_URL: databaseUrl, JWT_SIGNING_KEYS: k2 } });
    try {
      const old = clientFor<AppRouter>(retired.url, {
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
      expect((await old.auth.session.query()).signedIn).toBe(false);
    } finally {
      await retired.close();
    }
  });
});

import type { TProcedureKind } from '@puffy/contracts';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/router';
import { listProcedures } from '../src/trpc/introspect';

/**
 * Every procedure of the router, with the kind it must have. A new procedure fails this test until it
 * is listed here, so none escapes the authorization matrix.
 */
const expectedKinds: Record<string, TProcedureKind> = {
  'auth.challenge': 'public',
  'auth.verify': 'public',
  'auth.session': 'public',
  'auth.refresh': 'public',
  'auth.logout': 'authed',
  'auth.logoutAll': 'authed',
  'system.version': 'public',
};

describe('procedure kinds', () => {
  const procedures = listProcedures(appRouter);

  it('lists every procedure of the router, and nothing else', () => {
    expect(procedures.map((p) => p.path).sort()).toEqual(Object.keys(expectedKinds).sort());
  });

  it.each(procedures)('$path has its declared kind', ({ path, meta }) => {
    expect(meta?.kind).toBe(expectedKinds[path]);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commitmentOf, drawWinners, newSeed, serializeEntries } from '../src';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTROPY = '4sGjMW1sUnHzSxGspuhpqLDx6wiyjNtZAMdL4VZHirAn';

function run(args: string[]) {
  return spawnSync('pnpm', ['--silent', 'raffle:verify', ...args], { cwd: root, encoding: 'utf8' });
}

describe('pnpm raffle:verify, the standalone check', () => {
  const seed = newSeed();
  const entries = serializeEntries(
    Array.from({ length: 12 }, (_, i) => ({
      wallet: `Wallet${String(i).padStart(2, '0')}${'z'.repeat(30)}`,
      tickets: i + 1,
    })),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'raffle-')), 'entries.csv');
  writeFileSync(file, entries);
  const argsOf = (o: { seed: string; commitment?: string; entries?: string }) => [
    ...['--seed', o.seed, '--entropy', ENTROPY, '--entries', o.entries ?? file, '--winners', '3'],
    ...(o.commitment ? ['--commitment', o.commitment] : []),
  ];

  it('recomputes the winners (docs/product/raffles.md) from the published seed, block hash and entry file, and checks the commitment', () => {
    const drawn = drawWinners({ seed, entropy: ENTROPY, entries, winners: 3 });
    const out = run(argsOf({ seed, commitment: commitmentOf(seed) }));
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`commitment ${commitmentOf(seed)} matches the seed`);
    expect(out.stdout).toContain(`entries sha256 ${drawn.entriesDigest} (78 tickets)`);
    for (const w of drawn.winners)
      expect(out.stdout).toContain(`place ${w.place}: ${w.wallet} (ticket ${w.ticket})`);
  });

  it('fails, saying why, when the seed is not the committed one or the file was changed', () => {
    const wrong = run(argsOf({ seed: newSeed(), commitment: commitmentOf(seed) }));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/does not match the commitment/);
    const edited = `${file}.edited`;
    writeFileSync(edited, entries.replace('Wallet03', 'Wallet99'));
    const tampered = run(argsOf({ seed, entries: edited }));
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/not sorted/);
  }, 60_000);
});

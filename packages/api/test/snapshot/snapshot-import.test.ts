import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeEvmAddress, normalizeTonAddress } from '@puffy/chains';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEligibleDryRun } from '../../src/eligibility/service';
import { importSnapshot, runSnapshotImport } from '../../src/snapshot/import';
import { campaignDeps, createCampaign, newAddress } from '../support/campaign';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const fixedPart = Array.from({ length: 36 }, (_, i) => BASE58[(i * 7 + 3) % 58]).join('');

/** The i-th of many distinct Solana addresses, cheaply: 43 base58 digits led by 'Z' are always 32 bytes. */
function solanaAddress(i: number): string {
  let suffix = '';
  for (let n = i, k = 0; k < 6; k += 1, n = Math.floor(n / 58)) suffix = BASE58[n % 58] + suffix;
  return `Z${fixedPart}${suffix}`;
}

/** A CSV streamed in chunks: `rows` holders with a bad line every 10,000th row. */
async function* generatedCsv(rows: number): AsyncGenerator<string> {
  yield 'wallet,chain,amount\n';
  let chunk = '';
  for (let i = 0; i < rows; i += 1) {
    if (i % 10_000 === 5_000)
      chunk += i % 20_000 === 5_000 ? `not-an-address-${i},sol\n` : `${solanaAddress(i)},eth,1\n`;
    else chunk += `${solanaAddress(i)},sol,${i % 3}\n`;
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

describe.each(testDatabases())('holder snapshot import on $label', (database) => {
  let test: TestDatabase;
  let deps: ReturnType<typeof campaignDeps>;

  beforeAll(async () => {
    test = await database.create();
    deps = campaignDeps(test.db);
  });
  afterAll(() => test.drop());

  const holders = async (snapshotId: string) =>
    (
      await test.db.db
        .select({ n: count() })
        .from(test.db.t.snapshotHolders)
        .where(eq(test.db.t.snapshotHolders.snapshotId, snapshotId))
    )[0]?.n;

  it('normalizes addresses per chain and reports bad lines by number, keeping the good ones', async () => {
    const evmLower = newAddress.evmLower();
    const evmChecksummed = normalizeEvmAddress(evmLower) ?? '';
    // A mixed-case address with one letter's case flipped: its checksum no longer matches.
    const letter = evmChecksummed.slice(2).search(/[a-fA-F]/) + 2;
    const flipped = evmChecksummed[letter] ?? '';
    const badChecksum = `${evmChecksummed.slice(0, letter)}${flipped === flipped.toLowerCase() ? flipped.toUpperCase() : flipped.toLowerCase()}${evmChecksummed.slice(letter + 1)}`;
    const campaign = await createCampaign(test.db, { network: 'eth', methods: ['eth'] });
    const lines = [
      'wallet,chain,amount', // 1 header
      `${evmLower},eth,3`, // 2
      '', // 3 blank
      `${evmChecksummed},evm`, // 4 duplicate of line 2 (other spelling, same batch)
      `${newAddress.evmLower()},ton`, // 5 wrong chain
      'hello,eth', // 6 not an address
      `${newAddress.evmLower()},eth,-1`, // 7 bad amount
      `${newAddress.evmLower()},,`, // 8 chain left empty: the snapshot's network
      `"${newAddress.evmLower().toUpperCase().replace('0X', '0x')}",ETH,12.5`, // 9 quoted, upper case
      `${badChecksum},eth`, // 10 mixed case with a wrong checksum
      `${newAddress.evmLower()},eth,1,extra`, // 11 too many fields
    ];
    const progress = await importSnapshot(deps, {
      campaignId: campaign.id,
      network: 'eth',
      source: [lines.join('\r\n')],
      batchRows: 2,
    });
    expect(progress).toMatchObject({
      status: 'active',
      version: 1,
      rowsRead: 9,
      rowsAccepted: 3,
      rowsRejected: 6,
    });
    expect(progress.errors).toEqual([
      { line: 4, reason: 'duplicate address (same as line 2)' },
      { line: 5, reason: `chain "ton" does not match this snapshot's network eth` },
      { line: 6, reason: '"hello" is not a valid eth address' },
      { line: 7, reason: 'amount "-1" is not a non-negative number' },
      { line: 10, reason: `"${badChecksum}" is not a valid eth address` },
      { line: 11, reason: 'expected wallet,chain[,amount]' },
    ]);
    const stored = await test.db.db
      .select()
      .from(test.db.t.snapshotHolders)
      .where(eq(test.db.t.snapshotHolders.snapshotId, progress.snapshotId));
    expect(stored.find((r) => r.address === evmChecksummed)?.amount).toBe('3');
    expect(stored.every((r) => r.address === normalizeEvmAddress(r.address))).toBe(true);
  });

  it('a repeat of an address from an earlier batch is rejected at its own line, in line order', async () => {
    const campaign = await createCampaign(test.db, { network: 'sol', methods: ['sol'] });
    const [a, b, c] = [newAddress.sol(), newAddress.sol(), newAddress.sol()];
    const progress = await importSnapshot(deps, {
      campaignId: campaign.id,
      network: 'sol',
      // Batches of two holders: [a, b], then [c, a again] with a bad line between, then [b again].
      source: [`${a},sol,1\n${b},sol\n${c},sol\nnope,sol\n${a},sol,2\n${b},sol\n`],
      batchRows: 2,
    });
    expect(progress).toMatchObject({ status: 'active', rowsRead: 6, rowsAccepted: 3, rowsRejected: 3 });
    expect(progress.errors).toEqual([
      { line: 4, reason: '"nope" is not a valid sol address' },
      { line: 5, reason: 'duplicate address (it appears on an earlier line)' },
      { line: 6, reason: 'duplicate address (it appears on an earlier line)' },
    ]);
    expect(await holders(progress.snapshotId)).toBe(3);
    const [first] = await test.db.db
      .select({ amount: test.db.t.snapshotHolders.amount })
      .from(test.db.t.snapshotHolders)
      .where(eq(test.db.t.snapshotHolders.address, a));
    expect(first?.amount).toBe('1');
  });

  it('TON raw and friendly forms collapse into one raw holder', async () => {
    const raw = newAddress.tonRaw();
    const friendly = normalizeTonAddress(raw)?.friendly ?? '';
    const campaign = await createCampaign(test.db, { network: 'ton', methods: ['ton'] });
    const progress = await importSnapshot(deps, {
      campaignId: campaign.id,
      network: 'ton',
      source: [`${friendly},ton\n${raw},tvm\n`],
    });
    expect(progress).toMatchObject({
      rowsAccepted: 1,
      rowsRejected: 1,
      errors: [{ line: 2, reason: 'duplicate address (same as line 1)' }],
    });
  });

  it('imports 500,000 generated rows with bad lines, then answers lookups from the snapshot', {
    timeout: 300_000,
  }, async () => {
    const campaign = await createCampaign(test.db, { network: 'sol', methods: ['sol'] });
    const progress = await importSnapshot(deps, {
      campaignId: campaign.id,
      network: 'sol',
      source: generatedCsv(500_000),
    });
    expect(progress).toMatchObject({
      status: 'active',
      rowsRead: 500_000,
      rowsAccepted: 499_950,
      rowsRejected: 50,
    });
    expect(progress.errors).toHaveLength(50);
    expect(progress.errors[0]).toEqual({
      line: 5_002,
      reason: '"not-an-address-5000" is not a valid sol address',
    });
    expect(progress.errors[1]).toEqual({
      line: 15_002,
      reason: `chain "eth" does not match this snapshot's network sol`,
    });
    expect(await holders(progress.snapshotId)).toBe(499_950);

    const ask = (i: number) =>
      checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'sol', address: solanaAddress(i) },
      });
    for (const i of [0, 1, 123_456, 499_999]) expect((await ask(i)).outcome).toBe('eligible');
    for (const i of [5_000, 15_000, 500_000]) expect((await ask(i)).reason).toBe('no_method_matched');
  });

  it('a new version replaces the old one atomically; readers never see half of one', async () => {
    const campaign = await createCampaign(test.db, { network: 'sol', methods: ['sol'] });
    const kept = newAddress.sol();
    const dropped = newAddress.sol();
    const v1 = await importSnapshot(deps, {
      campaignId: campaign.id,
      network: 'sol',
      source: [`${kept},sol\n${dropped},sol\n`],
    });
    const ask = (address: string) =>
      checkEligibleDryRun(deps, { campaignId: campaign.id, wallet: { chain: 'sol', address } });

    const added = Array.from({ length: 20_000 }, (_, i) => solanaAddress(i));
    const running = importSnapshot(deps, {
      campaignId: campaign.id,
      network: 'sol',
      source: [`${kept},sol\n`, `${added.join(',sol\n')},sol\n`],
      batchRows: 500,
    });
    let lookups = 0;
    let done = false;
    void running.finally(() => {
      done = true;
    });
    while (!done) {
      // The address in both versions is found at every moment of the switch.
      expect((await ask(kept)).outcome).toBe('eligible');
      lookups += 1;
    }
    const v2 = await running;
    expect(lookups).toBeGreaterThan(0);
    expect(v2).toMatchObject({ version: 2, status: 'active', rowsAccepted: 20_001 });
    expect((await ask(dropped)).reason).toBe('no_method_matched');
    expect((await ask(added[19_999] ?? '')).outcome).toBe('eligible');
    const [old] = await test.db.db
      .select()
      .from(test.db.t.holderSnapshots)
      .where(eq(test.db.t.holderSnapshots.id, v1.snapshotId));
    expect(old?.status).toBe('superseded');
    expect(await holders(v1.snapshotId)).toBe(0);
  });

  it('reads a file path; running a finished import again changes nothing; an empty list never replaces a good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puffy-snapshot-'));
    try {
      const campaign = await createCampaign(test.db, { network: 'sol', methods: ['sol'] });
      const holder = newAddress.sol();
      const path = join(dir, 'holders.csv');
      writeFileSync(path, `wallet,chain\n${holder},sol\n`);
      const first = await importSnapshot(deps, { campaignId: campaign.id, network: 'sol', source: { path } });
      expect(first).toMatchObject({ status: 'active', rowsAccepted: 1 });
      const again = await runSnapshotImport(deps, first.snapshotId, { path });
      expect(again).toEqual(first);
      expect(await holders(first.snapshotId)).toBe(1);

      const empty = await importSnapshot(deps, {
        campaignId: campaign.id,
        network: 'sol',
        source: ['wallet,chain\nnope,sol\n'],
      });
      expect(empty).toMatchObject({ status: 'failed', version: 2, rowsAccepted: 0, rowsRejected: 1 });
      const answer = await checkEligibleDryRun(deps, {
        campaignId: campaign.id,
        wallet: { chain: 'sol', address: holder },
      });
      expect(answer.outcome).toBe('eligible');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

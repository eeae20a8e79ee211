/**
 * The standalone check of a raffle (docs/product/raffles.md): from the three public inputs it
 * recomputes the winners, and with the commitment published before close it also proves the seed is
 * the one the operator committed to.
 *
 *   pnpm raffle:verify --seed <hex> --entropy <block hash> --entries <file> --winners <n> [--commitment <hex>]
 *
 * Prints the entry file's digest, the ticket count and one line per winner; exits 1 with the reason
 * when an input is malformed or the seed does not match the commitment.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commitmentOf } from './commitment';
import { drawWinners } from './draw';

export function verify(argv: string[]): string {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      entropy: { type: 'string' },
      entries: { type: 'string' },
      winners: { type: 'string' },
      commitment: { type: 'string' },
    },
    strict: true,
  });
  const { seed, entropy, entries, winners, commitment } = values;
  if (!seed || !entropy || !entries || !winners) {
    throw new Error('give --seed, --entropy, --entries (a file) and --winners');
  }
  const lines: string[] = [];
  if (commitment !== undefined) {
    if (commitmentOf(seed) !== commitment.toLowerCase()) {
      throw new Error(`the seed does not match the commitment ${commitment}: this is not the committed draw`);
    }
    lines.push(`commitment ${commitment.toLowerCase()} matches the seed`);
  }
  const count = Number(winners);
  const result = drawWinners({ seed, entropy, entries: readFileSync(entries, 'utf8'), winners: count });
  lines.push(
    `algorithm ${result.version}`,
    `entries sha256 ${result.entriesDigest} (${result.totalTickets} tickets)`,
    ...result.winners.map((w) => `place ${w.place}: ${w.wallet} (ticket ${w.ticket})`),
  );
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(`${verify(process.argv.slice(2))}\n`);
  } catch (error) {
    process.stderr.write(`raffle:verify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

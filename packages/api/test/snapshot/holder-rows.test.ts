import { describe, expect, it } from 'vitest';
import { linesOf, parseHolderRow, type SnapshotSource } from '../../src/snapshot/holder-rows';
import { newAddress } from '../support/campaign';

async function collect(source: SnapshotSource) {
  const lines = [];
  for await (const line of linesOf(source)) lines.push(line);
  return lines;
}

describe('holder CSV lines', () => {
  it('numbers lines across chunk borders, CRLF endings and a last line without a newline', async () => {
    expect(await collect(['a,s', 'ol\r\nb,sol\n\nc', ',sol'])).toEqual([
      { line: 1, text: 'a,sol' },
      { line: 2, text: 'b,sol' },
      { line: 3, text: '' },
      { line: 4, text: 'c,sol' },
    ]);
  });

  it('decodes bytes split in the middle of a character', async () => {
    const bytes = new TextEncoder().encode('é,sol\nx,sol\n');
    expect(await collect([bytes.slice(0, 1), bytes.slice(1)])).toEqual([
      { line: 1, text: 'é,sol' },
      { line: 2, text: 'x,sol' },
    ]);
  });

  it('accepts a plain string as the source', async () => {
    expect((await collect('a,sol\nb,sol')).map((l) => l.text)).toEqual(['a,sol', 'b,sol']);
  });

  it('parses rows for a network: aliases of the chain, quotes, header and blank lines', () => {
    const sol = newAddress.sol();
    expect(parseHolderRow('wallet,chain,amount', 'sol')).toEqual({ kind: 'skip' });
    expect(parseHolderRow('   ', 'sol')).toEqual({ kind: 'skip' });
    expect(parseHolderRow(`"${sol}", SVM , 7`, 'soon')).toEqual({
      kind: 'holder',
      address: sol,
      amount: '7',
    });
    expect(parseHolderRow(`${sol}`, 'sol')).toEqual({ kind: 'holder', address: sol, amount: null });
    expect(parseHolderRow(`${sol},evm`, 'sol')).toEqual({
      kind: 'error',
      reason: `chain "evm" does not match this snapshot's network sol`,
    });
    expect(parseHolderRow(',sol', 'sol')).toEqual({ kind: 'error', reason: 'missing wallet address' });
  });
});

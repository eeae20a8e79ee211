import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { verifySolanaSignature } from '@puffy/chains';
import bs58 from 'bs58';
import { fmt, type Measure, ratioOf } from './table';

function perSecond(seconds: number, work: () => void): number {
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  while (performance.now() < deadline) {
    work();
    count += 1;
  }
  return count / seconds;
}

/** Solana sign-in verification against a bare node:crypto verify that imports the key each call. */
export function measureEd25519(seconds: number) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
  const message = Buffer.from('example.com wants you to sign in with your Solana account:\n…');
  const signature = sign(null, message, privateKey);
  const prefix = Buffer.from('302a300506032b6570032100', 'hex');
  const baselineRun = () =>
    perSecond(seconds, () => {
      const key = createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
      verify(null, message, key, signature);
    });
  const address = bs58.encode(raw);
  const signatureBase58 = bs58.encode(signature);
  const text = message.toString('utf8');
  const oursRun = () =>
    perSecond(seconds, () => {
      if (!verifySolanaSignature({ message: text, address, signatureBase58 }).ok) {
        throw new Error('the benchmark signature did not verify');
      }
    });
  // Interleaved halves, so a burst of load from other work on the machine hits both sides alike.
  const b1 = baselineRun();
  const o1 = oursRun();
  const b2 = baselineRun();
  const o2 = oursRun();
  return { baseline: (b1 + b2) / 2, ours: (o1 + o2) / 2 };
}

export const ed25519Measure: Measure = {
  name: 'ed25519',
  async run({ short }) {
    const { baseline, ours } = measureEd25519(short ? 0.25 : 2);
    return [
      {
        measure: 'Solana sign-in verification',
        value: `${fmt(ours)}/s`,
        baseline: `node:crypto verify with key import ${fmt(baseline)}/s`,
        ratio: ratioOf(ours, baseline),
        target: '≥ 0.8×',
        pass: ours / baseline >= 0.8,
      },
    ];
  },
};

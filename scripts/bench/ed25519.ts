import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { verifySolanaSignature } from '@puffy/chains';
import bs58 from 'bs58';

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
  const baseline = perSecond(seconds, () => {
    const key = createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
    verify(null, message, key, signature);
  });
  const address = bs58.encode(raw);
  const signatureBase58 = bs58.encode(signature);
  const text = message.toString('utf8');
  const ours = perSecond(seconds, () => {
    verifySolanaSignature({ message: text, address, signatureBase58 });
  });
  return { baseline, ours };
}

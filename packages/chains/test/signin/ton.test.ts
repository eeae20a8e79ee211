import type { TSignInProof } from '@puffy/contracts';
import { Cell, contractAddress, loadStateInit } from '@ton/core';
import { mnemonicNew, mnemonicToPrivateKey } from '@ton/crypto';
import { WalletContractV3R1, WalletContractV3R2, WalletContractV4, WalletContractV5R1 } from '@ton/ton';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KNOWN_TON_WALLET_CODE_HASHES,
  readWalletPublicKey,
  type TonProofExpectation,
  verifyTonProof,
} from '../../src';
import { DOMAIN, makeTonProof, NONCE, NOW, newTonKeyPair, seconds } from '../support/fixtures';

type TonProofWire = Extract<TSignInProof, { chain: 'ton' }>;
const expected: TonProofExpectation = {
  payload: NONCE,
  allowedDomains: [DOMAIN],
  now: seconds(5),
  maxAgeSeconds: 300,
};
const verify = (proof: TonProofWire, overrides: Partial<TonProofExpectation> = {}) =>
  verifyTonProof({ ...proof, expected: { ...expected, ...overrides } });

const WALLETS = {
  v3R1: (publicKey: Buffer) => WalletContractV3R1.create({ workchain: 0, publicKey }),
  v3R2: (publicKey: Buffer) => WalletContractV3R2.create({ workchain: 0, publicKey }),
  v4R2: (publicKey: Buffer) => WalletContractV4.create({ workchain: 0, publicKey }),
  v5R1: (publicKey: Buffer) => WalletContractV5R1.create({ publicKey }),
};

describe('verifyTonProof', () => {
  let keyPair: Awaited<ReturnType<typeof mnemonicToPrivateKey>>;
  beforeAll(async () => {
    // A key made the way a wallet app makes it: from a fresh 24-word mnemonic.
    keyPair = await mnemonicToPrivateKey(await mnemonicNew());
  });

  for (const [version, create] of Object.entries(WALLETS)) {
    it(`accepts a proof signed by a ${version} wallet and returns both address forms`, async () => {
      const wallet = create(keyPair.publicKey);
      const proof = await makeTonProof({ keyPair, wallet });
      expect(verify(proof)).toEqual({
        ok: true,
        chain: 'ton',
        address: wallet.address.toString({ urlSafe: true, bounceable: true, testOnly: false }),
        addressHex: wallet.address.toRawString(),
      });
    });
  }

  it('accepts the user-friendly address form and a masterchain wallet', async () => {
    const wallet = WalletContractV4.create({ workchain: -1, publicKey: keyPair.publicKey });
    const proof = await makeTonProof({ keyPair, wallet });
    expect(proof.address.startsWith('-1:')).toBe(true);
    expect(verify(proof)).toMatchObject({ ok: true, addressHex: proof.address });
    const friendly = wallet.address.toString({ bounceable: false });
    expect(verify({ ...proof, address: friendly })).toMatchObject({ ok: true, addressHex: proof.address });
  });

  it('refuses a wrong signature and a signature by another key', async () => {
    const wallet = WALLETS.v4R2(keyPair.publicKey);
    const proof = await makeTonProof({ keyPair, wallet });
    const bytes = Buffer.from(proof.proof.signature, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 0x80;
    expect(
      verify({ ...proof, proof: { ...proof.proof, signature: bytes.toString('base64') } }),
    ).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
    const byOther = await makeTonProof({ keyPair, wallet, signer: newTonKeyPair() });
    expect(verify(byOther)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses the stateInit of another key (the address does not hash from it)', async () => {
    const other = newTonKeyPair();
    const wallet = WALLETS.v5R1(keyPair.publicKey);
    const proof = await makeTonProof({ keyPair, wallet, stateInitOf: WALLETS.v5R1(other.publicKey) });
    expect(verify(proof)).toMatchObject({ ok: false, reason: 'state_init_mismatch' });
  });

  it('refuses a claimed public key that differs from the one in the stateInit', async () => {
    const other = newTonKeyPair();
    const wallet = WALLETS.v3R2(keyPair.publicKey);
    // Signed by the other key and claiming it: only the stateInit tells the truth.
    const proof = await makeTonProof({ keyPair, wallet, signer: other, publicKey: other.publicKey });
    expect(verify(proof)).toMatchObject({ ok: false, reason: 'public_key_mismatch' });
  });

  it('refuses a domain outside the allow-list and a wrong domain length', async () => {
    const wallet = WALLETS.v4R2(keyPair.publicKey);
    const elsewhere = await makeTonProof({ keyPair, wallet, domain: 'evil.test' });
    expect(verify(elsewhere)).toMatchObject({ ok: false, reason: 'wrong_domain' });
    const badLength = await makeTonProof({ keyPair, wallet, lengthBytes: DOMAIN.length + 1 });
    expect(verify(badLength)).toMatchObject({ ok: false, reason: 'malformed' });
    const proof = await makeTonProof({ keyPair, wallet, domain: 'app.puffy.test' });
    expect(verify(proof, { allowedDomains: [DOMAIN, 'app.puffy.test'] })).toMatchObject({ ok: true });
  });

  it('refuses an old timestamp and one from the future beyond the skew', async () => {
    const wallet = WALLETS.v4R2(keyPair.publicKey);
    const at = (offset: number) => Math.floor(NOW.getTime() / 1000) + offset;
    expect(verify(await makeTonProof({ keyPair, wallet, timestamp: at(-301) }))).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    expect(verify(await makeTonProof({ keyPair, wallet, timestamp: at(-290) }))).toMatchObject({ ok: true });
    expect(verify(await makeTonProof({ keyPair, wallet, timestamp: at(120) }))).toMatchObject({
      ok: false,
      reason: 'not_yet_valid',
    });
    expect(verify(await makeTonProof({ keyPair, wallet, timestamp: at(40) }))).toMatchObject({ ok: true });
  });

  it('refuses a payload other than the challenge', async () => {
    const wallet = WALLETS.v4R2(keyPair.publicKey);
    expect(verify(await makeTonProof({ keyPair, wallet, payload: 'someOtherPayload' }))).toMatchObject({
      ok: false,
      reason: 'nonce_mismatch',
    });
  });

  it('refuses a proof for another address than the challenge was bound to', async () => {
    const proof = await makeTonProof({ keyPair, wallet: WALLETS.v4R2(keyPair.publicKey) });
    const stranger = WALLETS.v4R2(newTonKeyPair().publicKey).address.toString();
    expect(verify(proof, { address: stranger })).toMatchObject({ ok: false, reason: 'wrong_address' });
    const sameInFriendlyForm = WALLETS.v4R2(keyPair.publicKey).address.toString();
    expect(verify(proof, { address: sameInFriendlyForm })).toMatchObject({ ok: true });
  });

  it('refuses unknown wallet code clearly', async () => {
    const wallet = WALLETS.v4R2(keyPair.publicKey);
    const stranger = { ...wallet, init: { code: Cell.EMPTY, data: wallet.init.data } };
    const forged = { ...stranger, address: contractAddress(0, stranger.init) };
    const proof = await makeTonProof({ keyPair, wallet: forged });
    const result = verify(proof);
    expect(result).toMatchObject({ ok: false, reason: 'unknown_wallet' });
    expect(result.ok ? '' : result.message).toContain('v4R2');
  });

  it('calls malformed what is not a bag of cells, a key or a signature', async () => {
    const proof = await makeTonProof({ keyPair, wallet: WALLETS.v4R2(keyPair.publicKey) });
    expect(verify({ ...proof, proof: { ...proof.proof, stateInit: 'AAAA' } })).toMatchObject({
      reason: 'malformed',
    });
    expect(verify({ ...proof, publicKey: 'zz' })).toMatchObject({ reason: 'malformed' });
    expect(verify({ ...proof, address: 'EQ-not-an-address' })).toMatchObject({ reason: 'malformed' });
    expect(verify({ ...proof, proof: { ...proof.proof, signature: 'AAAA' } })).toMatchObject({
      reason: 'malformed',
    });
    expect(verify({ ...proof, proof: { ...proof.proof, timestamp: 2 ** 60 } })).toMatchObject({
      reason: 'malformed',
    });
  });
});

describe('TON wallet identification', () => {
  it('knows exactly the code of @ton/ton wallet contracts v3R1, v3R2, v4R2 and v5R1 (plus v4R1)', () => {
    const key = newTonKeyPair().publicKey;
    const hashes = Object.values(WALLETS).map((create) => create(key).init.code.hash().toString('hex'));
    expect(KNOWN_TON_WALLET_CODE_HASHES.filter((hash) => !hashes.includes(hash))).toEqual([
      '64dd54805522c5be8a9db59cea0105ccf0d08786ca79beb8cb79e880a8d7322d',
    ]);
    for (const create of Object.values(WALLETS)) {
      const { code, data } = create(key).init;
      expect(readWalletPublicKey(code, data)).toMatchObject({ kind: 'key', publicKey: key });
    }
  });

  it('reads the key from a stateInit that Tonkeeper sent for a W5 wallet', () => {
    // Published in olifanton/ton#18 as what Tonkeeper returns for a W5 wallet.
    const init = loadStateInit(Cell.fromBase64(TONKEEPER_W5_STATE_INIT).beginParse());
    const reading = init.code && init.data ? readWalletPublicKey(init.code, init.data) : null;
    expect(reading?.kind).toBe('key');
    if (reading?.kind !== 'key') throw new Error('no key read');
    expect(reading.version).toBe('v5R1');
    // The key read back rebuilds the same contract with @ton/ton: the reading is the wallet's real key.
    const rebuilt = WalletContractV5R1.create({ publicKey: reading.publicKey });
    expect(rebuilt.address.equals(contractAddress(0, init))).toBe(true);
  });
});

const TONKEEPER_W5_STATE_INIT =
  'te6cckECFgEAArEAAgE0AgEAUYAAAAA///+Is1c8EgjKONgUBUIb58bMyV4r50QgR32McAhVlLdYB3OgART/APSkE/S88sgLAwIBIAYEAQLyBQEeINcLH4IQc2lnbrry4Ip/EQIBSBAHAgEgCQgAGb5fD2omhAgKDrkPoCwCASANCgIBSAwLABGyYvtRNDXCgCAAF7Ml+1E0HHXIdcLH4AIBbg8OABmvHfaiaEAQ65DrhY/AABmtznaiaEAg65Drhf/AAtzQINdJwSCRW49jINcLHyCCEGV4dG69IYIQc2ludL2wkl8D4IIQZXh0brqOtIAg1yEB0HTXIfpAMPpE+Cj6RDBYvZFb4O1E0IEBQdch9AWDB/QOb6ExkTDhgEDXIXB/2zzgMSDXSYECgLmRMOBw4hIRAeaO8O2i7fshgwjXIgKDCNcjIIAg1yHTH9Mf0x/tRNDSANMfINMf0//XCgAK+QFAzPkQmiiUXwrbMeHywIffArNQB7Dy0IRRJbry4IVQNrry4Ib4I7vy0IgikvgA3gGkf8jKAMsfAc8Wye1UIJL4D95w2zzYEgP27aLt+wL0BCFukmwhjkwCIdc5MHCUIccAs44tAdcoIHYeQ2wg10nACPLgkyDXSsAC8uCTINcdBscSwgBSMLDy0InXTNc5MAGk6GwShAe78uCT10rAAPLgk+1V4tIAAcAAkVvg69csCBQgkXCWAdcsCBwS4lIQseMPINdKFRQTABCTW9sx4ddM0AByMNcsCCSOLSHy4JLSAO1E0NIAURO68tCPVFAwkTGcAYEBQNch1woA8uCO4sjKAFjPFsntVJPywI3iAJYB+kAB+kT4KPpEMFi68uCR7UTQgQFB1xj0BQSdf8jKAEAEgwf0U/Lgi44UA4MH9Fvy4Iwi1woAIW4Bs7Dy0JDiyFADzxYS9ADJ7VSeHw6p';

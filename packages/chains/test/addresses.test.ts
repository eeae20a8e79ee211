import { Keypair, PublicKey } from '@solana/web3.js';
import { WalletContractV4 } from '@ton/ton';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { isSolanaAddress, normalizeEvmAddress, normalizeTonAddress } from '../src';
import { newTonKeyPair } from './support/fixtures';

describe('isSolanaAddress', () => {
  it('accepts base58 of 32 bytes, including off-curve program addresses', () => {
    expect(isSolanaAddress(Keypair.generate().publicKey.toBase58())).toBe(true);
    expect(isSolanaAddress('11111111111111111111111111111111')).toBe(true);
    const [pda] = PublicKey.findProgramAddressSync(
      [Buffer.from('seed')],
      new PublicKey('11111111111111111111111111111111'),
    );
    expect(isSolanaAddress(pda.toBase58())).toBe(true);
  });

  it('refuses other lengths and alphabets', () => {
    for (const bad of ['', '1111', 'O'.repeat(44), `${Keypair.generate().publicKey.toBase58()}1`, '0x1234']) {
      expect(isSolanaAddress(bad), bad).toBe(false);
    }
  });
});

describe('normalizeEvmAddress', () => {
  const address = privateKeyToAccount(generatePrivateKey()).address;

  it('checksums lowercase and uppercase input and keeps a correct checksum', () => {
    expect(normalizeEvmAddress(address.toLowerCase())).toBe(address);
    expect(normalizeEvmAddress(`0x${address.slice(2).toUpperCase()}`)).toBe(address);
    expect(normalizeEvmAddress(address)).toBe(address);
  });

  it('refuses a mixed-case address whose checksum is wrong, and non-addresses', () => {
    const index = address.slice(2).search(/[a-fA-F]/) + 2;
    const char = address[index] ?? '';
    const wrong = `${address.slice(0, index)}${char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()}${address.slice(index + 1)}`;
    expect(normalizeEvmAddress(wrong)).toBeNull();
    expect(normalizeEvmAddress('0x1234')).toBeNull();
    expect(normalizeEvmAddress(`${address}00`)).toBeNull();
  });
});

describe('normalizeTonAddress', () => {
  const address = WalletContractV4.create({ workchain: 0, publicKey: newTonKeyPair().publicKey }).address;
  const forms = {
    raw: address.toRawString(),
    friendly: address.toString({ urlSafe: true, bounceable: true }),
  };

  it('gives the same raw and bounceable url-safe forms for every spelling', () => {
    for (const spelling of [
      forms.raw,
      forms.raw.toUpperCase().replace('0X', '0x'),
      forms.friendly,
      address.toString({ bounceable: false }),
      address.toString({ urlSafe: false }),
    ]) {
      expect(normalizeTonAddress(spelling), spelling).toEqual(forms);
    }
    expect(forms.friendly.startsWith('EQ')).toBe(true);
  });

  it('marks test-only addresses when asked', () => {
    expect(normalizeTonAddress(forms.raw, { testOnly: true })?.friendly.startsWith('kQ')).toBe(true);
  });

  it('refuses what is not a TON address, without throwing', () => {
    const corrupted = `${forms.friendly.slice(0, 47)}${forms.friendly.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of ['', '0:1234', 'hello', corrupted, `${'A'.repeat(48)}`, '0:zz'.padEnd(66, 'z')]) {
      expect(normalizeTonAddress(bad), bad).toBeNull();
    }
  });
});

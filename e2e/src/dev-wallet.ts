import { generateKeyPairSync } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { base58 } from './base58';

/** An Ed25519 key as the SPA's development wallet keeps it (the 32-byte seed) and its address. */
export function devWalletKey(): { secret: string; address: string } {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return {
    secret: base58(Buffer.from(jwk.d ?? '', 'base64url')),
    address: base58(Buffer.from(jwk.x ?? '', 'base64url')),
  };
}

/** Every page of the context starts with this key in the development wallet's storage. */
export async function useDevWallet(context: BrowserContext, secret: string): Promise<void> {
  await context.addInitScript({
    content: `localStorage.setItem('puffy.devWallet.solana', ${JSON.stringify(secret)})`,
  });
}

export async function signInWithDevWallet(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('button', { name: /Development wallet \(Solana\)/ }).click();
  await page.getByTestId('signed-in-as').waitFor({ timeout: 15_000 });
}

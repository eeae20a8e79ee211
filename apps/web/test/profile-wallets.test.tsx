import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TonWalletConnector } from '../src/auth/connectors';
import { setCsrfToken } from '../src/lib/session-token';
import { linkExtraWallet } from '../src/profile/link-wallet';
import { serving, userInfoOf } from './profile-fixtures';
import { renderApp } from './render';
import { failure, ok } from './wire';

vi.setConfig({ testTimeout: 15_000 });

const EVM = '0x52908400098527886E0F7030069857D2E4169EE7';
const SIGNATURE = `0x${'ab'.repeat(65)}`;
const CHALLENGE = {
  challengeId: 'challenge-1',
  message: 'puffy wants you to sign in',
  expiresAt: '2099-01-01T00:00:00.000Z',
};

/** An extension-like EVM wallet announced through EIP-6963, recording what it was asked. */
function announceWallet(options: { refuse?: boolean } = {}) {
  const requests: Array<{ method: string; params?: unknown[] }> = [];
  const provider = {
    async request(args: { method: string; params?: unknown[] }) {
      requests.push(args);
      if (args.method === 'eth_requestAccounts') return [EVM];
      if (args.method === 'eth_chainId') return '0x1';
      if (args.method === 'personal_sign') {
        if (options.refuse) throw new Error('The member rejected the request in their wallet.');
        return SIGNATURE;
      }
      throw new Error(`unexpected ${args.method}`);
    },
  };
  const detail = { info: { uuid: 'u', name: 'Test EVM wallet', icon: '', rdns: 'test.wallet' }, provider };
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  window.addEventListener('eip6963:requestProvider', announce);
  return { requests, stop: () => window.removeEventListener('eip6963:requestProvider', announce) };
}

let stopWallet: (() => void) | undefined;
afterEach(() => {
  stopWallet?.();
  cleanup();
  setCsrfToken(null);
});

async function walletsCard() {
  const heading = await screen.findByRole('heading', { name: 'Wallets', level: 2 });
  const section = heading.closest('section');
  if (!section) throw new Error('no wallets card');
  return within(section);
}

const linkedEvm = {
  chain: 'evm' as const,
  address: EVM,
  addressHex: null,
  isPrimary: false,
  linkedAt: '2026-11-23T10:00:00.000Z',
};

describe('linking an extra wallet on the profile', () => {
  it('signs a fresh link challenge with the EVM wallet and shows it among the wallets', async () => {
    const wallet = announceWallet();
    stopWallet = wallet.stop;
    let linked = false;
    const wire = serving(() => userInfoOf(linked ? { wallets: [...userInfoOf().wallets, linkedEvm] } : {}), {
      'user.linkWalletChallenge': () => ok(CHALLENGE),
      'user.linkEvmWallet': () => {
        linked = true;
        return ok({ wallet: linkedEvm, wallets: [...userInfoOf().wallets, linkedEvm] });
      },
    });
    renderApp('/profile', wire.fetch);
    const card = await walletsCard();
    fireEvent.click(card.getByRole('button', { name: 'Link another wallet' }));
    fireEvent.click(await card.findByRole('button', { name: /Test EVM wallet/ }));
    expect(await card.findByText(`Linked your EVM wallet ${EVM}.`)).toBeTruthy();
    await waitFor(() => expect(card.getByTitle(EVM)).toBeTruthy());
    const sign = wallet.requests.find((r) => r.method === 'personal_sign');
    const hex = `0x${Array.from(new TextEncoder().encode(CHALLENGE.message), (b) => b.toString(16).padStart(2, '0')).join('')}`;
    expect(sign?.params).toEqual([hex, EVM]);
    const paths = wire.calls.flatMap((c) => c.paths);
    expect(paths.indexOf('user.linkWalletChallenge')).toBeLessThan(paths.indexOf('user.linkEvmWallet'));
  });

  it('shows that a wallet belongs to another member', async () => {
    stopWallet = announceWallet().stop;
    const wire = serving(userInfoOf(), {
      'user.linkWalletChallenge': () => ok(CHALLENGE),
      'user.linkEvmWallet': () =>
        failure(
          'user.linkEvmWallet',
          'CONFLICT',
          409,
          'This wallet already belongs to another member. Sign in with it to use that account; a wallet cannot be moved between accounts.',
          { reason: 'wallet_taken' },
        ),
    });
    renderApp('/profile', wire.fetch);
    const card = await walletsCard();
    fireEvent.click(card.getByRole('button', { name: 'Link another wallet' }));
    fireEvent.click(await card.findByRole('button', { name: /Test EVM wallet/ }));
    expect(await card.findByText(/already belongs to another member/)).toBeTruthy();
  });

  it('shows the wallet’s own refusal and links nothing', async () => {
    stopWallet = announceWallet({ refuse: true }).stop;
    const wire = serving(userInfoOf(), { 'user.linkWalletChallenge': () => ok(CHALLENGE) });
    renderApp('/profile', wire.fetch);
    const card = await walletsCard();
    fireEvent.click(card.getByRole('button', { name: 'Link another wallet' }));
    fireEvent.click(await card.findByRole('button', { name: /Test EVM wallet/ }));
    expect(await card.findByText('The member rejected the request in their wallet.')).toBeTruthy();
    expect(wire.calls.flatMap((c) => c.paths)).not.toContain('user.linkEvmWallet');
  });
});

describe('linkExtraWallet with a TON wallet', () => {
  it('asks the challenge first and hands TON Connect’s proof of that payload to user.linkTonWallet', async () => {
    const seen: string[] = [];
    const reply = {
      address: '0:abc',
      publicKey: 'ff',
      proof: {
        timestamp: 1,
        domain: { lengthBytes: 9, value: 'localhost' },
        payload: 'p',
        signature: 's',
        stateInit: 'i',
      },
    };
    const ton: TonWalletConnector = {
      id: 'fake-ton',
      name: 'Fake TON',
      chain: 'ton',
      async connectWithProof(payload) {
        seen.push(`sign:${payload}`);
        return { ...reply, proof: { ...reply.proof, payload } };
      },
    };
    const result = await linkExtraWallet(ton, {
      async challenge(input) {
        seen.push(`challenge:${input.chain}`);
        return { challengeId: 'c1', message: 'payload-1', expiresAt: '2099-01-01T00:00:00.000Z' };
      },
      linkEvm: () => Promise.reject(new Error('not evm')),
      async linkTon(input) {
        seen.push(`link:${input.challengeId}:${input.proof.proof.payload}`);
        const wallet = {
          chain: 'ton' as const,
          address: 'EQabc',
          addressHex: '0:abc',
          isPrimary: false,
          linkedAt: '2026-11-23T10:00:00.000Z',
        };
        return { wallet, wallets: [wallet] };
      },
    });
    expect(seen).toEqual(['challenge:ton', 'sign:payload-1', 'link:c1:payload-1']);
    expect(result.wallet.addressHex).toBe('0:abc');
  });
});

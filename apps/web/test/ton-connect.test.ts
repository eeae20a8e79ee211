import type { ConnectedWallet, WalletsModalState } from '@tonconnect/ui';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A stand-in for TON Connect's UI with its real surface (status and modal events, connect request
 * parameters): what a wallet answers is scripted per test.
 */
const fake = vi.hoisted(() => {
  type StatusListener = (wallet: unknown) => void;
  type ModalListener = (state: unknown) => void;
  const state = {
    instances: 0,
    manifestUrl: '',
    walletsListSource: undefined as string | undefined,
    connected: false,
    request: undefined as unknown,
    disconnects: 0,
    statusListeners: new Set<StatusListener>(),
    modalListeners: new Set<ModalListener>(),
    /** What happens when the modal opens: a wallet connects, or the member closes it. */
    onOpen: (() => {}) as () => void,
  };
  /** The connector the UI is built on: it carries the manifest and the wallets list we serve. */
  class TonConnect {
    constructor(readonly options: { manifestUrl: string; walletsListSource?: string }) {}
  }
  class TonConnectUI {
    connectionRestored = Promise.resolve(false);
    constructor(options: { connector: TonConnect }) {
      state.instances += 1;
      state.manifestUrl = options.connector.options.manifestUrl;
      state.walletsListSource = options.connector.options.walletsListSource;
    }
    get connected() {
      return state.connected;
    }
    async disconnect() {
      state.disconnects += 1;
      state.connected = false;
    }
    setConnectRequestParameters(request: unknown) {
      state.request = request;
    }
    onStatusChange(listener: StatusListener) {
      state.statusListeners.add(listener);
      return () => state.statusListeners.delete(listener);
    }
    onModalStateChange(listener: ModalListener) {
      state.modalListeners.add(listener);
      return () => state.modalListeners.delete(listener);
    }
    async openModal() {
      queueMicrotask(state.onOpen);
    }
  }
  return { state, TonConnect, TonConnectUI };
});

vi.mock('@tonconnect/ui', () => ({ TonConnect: fake.TonConnect, TonConnectUI: fake.TonConnectUI }));

const { TonConnectCancelled, tonConnectWallet } = await import('../src/auth/ton-connect');

const PROOF = {
  timestamp: 1_750_000_000,
  domain: { lengthBytes: 9, value: 'localhost' },
  signature: 'c2ln',
};

function walletAnswering(payload: string, overrides: Partial<ConnectedWallet['account']> = {}) {
  return {
    device: { appName: 'Tonkeeper' },
    account: {
      address: '0:abc',
      chain: '-239',
      walletStateInit: 'te6cc',
      publicKey: 'ab'.repeat(32),
      ...overrides,
    },
    connectItems: { tonProof: { name: 'ton_proof', proof: { ...PROOF, payload } } },
  };
}

function emitStatus(wallet: unknown) {
  for (const listener of [...fake.state.statusListeners]) listener(wallet);
}
function emitModal(state: WalletsModalState) {
  for (const listener of [...fake.state.modalListeners]) listener(state);
}

beforeEach(() => {
  fake.state.connected = false;
  fake.state.disconnects = 0;
  fake.state.request = undefined;
});

describe('TON Connect wallet', () => {
  it('asks for ton_proof over the payload and returns the account and proof as auth.verify takes them', async () => {
    fake.state.onOpen = () => emitStatus(walletAnswering('payload-1'));
    const reply = await tonConnectWallet().connectWithProof('payload-1');
    expect(fake.state.request).toEqual({ state: 'ready', value: { tonProof: 'payload-1' } });
    expect(fake.state.manifestUrl).toBe(`${window.location.origin}/tonconnect-manifest.json`);
    expect(fake.state.walletsListSource).toBe(`${window.location.origin}/tonconnect/wallets.json`);
    expect(reply).toEqual({
      address: '0:abc',
      publicKey: 'ab'.repeat(32),
      proof: { ...PROOF, payload: 'payload-1', stateInit: 'te6cc' },
    });
    expect(fake.state.statusListeners.size).toBe(0);
    expect(fake.state.modalListeners.size).toBe(0);
  });

  it('drops an earlier connection first, since a wallet signs ton_proof only while connecting', async () => {
    fake.state.connected = true;
    fake.state.onOpen = () => emitStatus(walletAnswering('payload-2'));
    await tonConnectWallet().connectWithProof('payload-2');
    expect(fake.state.disconnects).toBe(1);
    expect(fake.state.instances).toBe(1);
  });

  it('fails with a clear message when the member closes the modal', async () => {
    fake.state.onOpen = () => emitModal({ status: 'closed', closeReason: 'action-cancelled' });
    await expect(tonConnectWallet().connectWithProof('p')).rejects.toBeInstanceOf(TonConnectCancelled);
    expect(fake.state.statusListeners.size).toBe(0);
  });

  it('refuses a wallet that declined the proof, kept its key, or signed another payload', async () => {
    fake.state.onOpen = () =>
      emitStatus({
        ...walletAnswering('p'),
        connectItems: { tonProof: { name: 'ton_proof', error: { code: 400, message: 'declined' } } },
      });
    await expect(tonConnectWallet().connectWithProof('p')).rejects.toThrow(
      'Tonkeeper did not sign the sign-in request (declined).',
    );
    fake.state.onOpen = () => emitStatus(walletAnswering('p', { publicKey: undefined }));
    await expect(tonConnectWallet().connectWithProof('p')).rejects.toThrow('did not share its public key');
    fake.state.onOpen = () => emitStatus(walletAnswering('older'));
    await expect(tonConnectWallet().connectWithProof('p')).rejects.toThrow('older sign-in request');
  });
});

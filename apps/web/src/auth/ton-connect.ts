import type { ConnectedWallet, TonConnectUI } from '@tonconnect/ui';
import type { TonProofReply, TonWalletConnector } from './connectors';

/** Served by the API from the public origin: wallets read the proof's domain from its `url`. */
const MANIFEST_PATH = '/tonconnect-manifest.json';
/** The wallets list, served by the API with its icons on our origin, so the page's CSP holds. */
const WALLETS_PATH = '/tonconnect/wallets.json';

let ui: Promise<TonConnectUI> | undefined;

/** One TON Connect UI per page (it registers its own elements); its code loads on first use only. */
function tonConnectUI(): Promise<TonConnectUI> {
  ui ??= import('@tonconnect/ui').then(
    ({ TonConnect, TonConnectUI }) =>
      new TonConnectUI({
        connector: new TonConnect({
          manifestUrl: new URL(MANIFEST_PATH, window.location.origin).href,
          walletsListSource: new URL(WALLETS_PATH, window.location.origin).href,
          // Its telemetry would post to a host of its own, which the CSP does not allow.
          analytics: { mode: 'off' },
        }),
      }),
  );
  return ui;
}

export class TonConnectCancelled extends Error {
  constructor() {
    super('The TON wallet was not connected. Choose a wallet to sign in.');
    this.name = 'TonConnectCancelled';
  }
}

function toReply(wallet: ConnectedWallet, payload: string): TonProofReply {
  const reply = wallet.connectItems?.tonProof;
  if (!reply || !('proof' in reply)) {
    const reason = reply && 'error' in reply ? ` (${reply.error.message ?? reply.error.code})` : '';
    throw new Error(`${wallet.device.appName} did not sign the sign-in request${reason}.`);
  }
  if (!wallet.account.publicKey) {
    throw new Error(`${wallet.device.appName} did not share its public key; try another TON wallet.`);
  }
  if (reply.proof.payload !== payload) {
    throw new Error('The TON wallet signed an older sign-in request; start again.');
  }
  return {
    address: wallet.account.address,
    publicKey: wallet.account.publicKey,
    proof: { ...reply.proof, stateInit: wallet.account.walletStateInit },
  };
}

/** Resolves with the next wallet that connects; rejects when the member closes the modal instead. */
function nextConnection(connector: TonConnectUI): Promise<ConnectedWallet> {
  return new Promise((resolve, reject) => {
    const stops: Array<() => void> = [];
    const settle = (done: () => void) => {
      for (const stop of stops) stop();
      done();
    };
    stops.push(
      connector.onStatusChange(
        (wallet) => {
          if (wallet) settle(() => resolve(wallet));
        },
        (error) => settle(() => reject(error)),
      ),
      connector.onModalStateChange((state) => {
        if (state.status === 'closed' && state.closeReason === 'action-cancelled') {
          settle(() => reject(new TonConnectCancelled()));
        }
      }),
    );
  });
}

/**
 * Opens the TON Connect modal and returns the chosen wallet's `ton_proof` over the server's payload.
 */
async function proveThroughModal(payload: string): Promise<TonProofReply> {
  const connector = await tonConnectUI();
  await connector.connectionRestored;
  // A wallet signs ton_proof only while connecting, so an earlier connection is dropped first.
  if (connector.connected) await connector.disconnect();
  connector.setConnectRequestParameters({ state: 'ready', value: { tonProof: payload } });
  const connected = nextConnection(connector);
  await connector.openModal();
  return toReply(await connected, payload);
}

/**
 * TON wallets through TON Connect (Tonkeeper, MyTonWallet, Telegram Wallet…): the modal lists them,
 * the chosen one connects and returns a `ton_proof` over the server's payload.
 */
export function tonConnectWallet(): TonWalletConnector {
  return {
    id: 'tonconnect',
    name: 'TON wallet (TON Connect)',
    chain: 'ton',
    connectWithProof: proveThroughModal,
  };
}

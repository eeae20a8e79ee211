import bs58 from 'bs58';

/**
 * A wallet that can pay in one click: it signs and sends the transaction the server builds
 * (`order.paymentTransaction`, `promotion.paymentTransaction`), so the member never copies an address,
 * an amount or a memo.
 */
export interface PayingWallet {
  id: string;
  name: string;
  icon?: string;
  /** Connects (and, for the development wallet, funds itself); resolves with the signing address. */
  connect(): Promise<string>;
  /** Signs the base64 wire transaction with the connected account, sends it, returns its signature. */
  signAndSend(transactionBase64: string): Promise<string>;
}

interface StandardAccount {
  address: string;
  chains?: readonly string[];
}
interface StandardWallet {
  name: string;
  icon?: string;
  features: Record<string, unknown>;
}
type ConnectFeature = {
  connect(input?: { silent?: boolean }): Promise<{ accounts: readonly StandardAccount[] }>;
};
type SignAndSendFeature = {
  signAndSendTransaction(
    ...inputs: { account: StandardAccount; transaction: Uint8Array; chain: string }[]
  ): Promise<ReadonlyArray<{ signature: Uint8Array }>>;
};

/** Orders (USDT) and gas fees are paid on mainnet; the wallet must send there, whatever else it supports. */
const SOLANA_MAINNET = 'solana:mainnet';

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/**
 * Wallet Standard wallets (Phantom, Solflare, Backpack…) that can sign and send a Solana transaction.
 * `memberAddress` picks the account when a wallet holds several; the server refuses any other payer.
 */
export function standardPayingWallets(wallets: readonly StandardWallet[], memberAddress: string | null) {
  return wallets
    .filter(
      (wallet) => 'standard:connect' in wallet.features && 'solana:signAndSendTransaction' in wallet.features,
    )
    .map((wallet): PayingWallet => {
      const connectFeature = wallet.features['standard:connect'] as ConnectFeature;
      const sendFeature = wallet.features['solana:signAndSendTransaction'] as SignAndSendFeature;
      let account: StandardAccount | undefined;
      return {
        id: `standard:${wallet.name}`,
        name: wallet.name,
        icon: wallet.icon,
        async connect() {
          const { accounts } = await connectFeature.connect();
          account = accounts.find((a) => a.address === memberAddress) ?? accounts[0];
          if (!account) throw new Error(`${wallet.name} shared no account.`);
          return account.address;
        },
        async signAndSend(transactionBase64) {
          if (!account) throw new Error(`Connect ${wallet.name} first.`);
          const [sent] = await sendFeature.signAndSendTransaction({
            account,
            transaction: fromBase64(transactionBase64),
            chain: SOLANA_MAINNET,
          });
          if (!sent) throw new Error(`${wallet.name} did not send the payment.`);
          return bs58.encode(sent.signature);
        },
      };
    });
}

/**
 * The development wallet on the server's local chain: `connect` is the caller's (it funds the wallet for
 * what is about to be paid), then it signs and sends what the server built.
 */
export async function devPayingWallet(connect: () => Promise<string>): Promise<PayingWallet> {
  const { signAndSendWithDevWallet } = await import('../auth/dev-wallet-sol-pay');
  return {
    id: 'dev-solana',
    name: 'the development wallet',
    connect,
    signAndSend: (transaction) => signAndSendWithDevWallet(transaction),
  };
}

import { useState } from 'react';
import type { PayingWallet } from './paying-wallets';

export type PayStep = 'idle' | 'connecting' | 'building' | 'signing' | 'reporting';

export const PAY_STEP_LABEL: Record<Exclude<PayStep, 'idle'>, string> = {
  connecting: 'Connecting the wallet…',
  building: 'Preparing the transfer…',
  signing: 'Waiting for the wallet to sign and send…',
  reporting: 'Checking the payment…',
};

/**
 * One click with a wallet: connect, let the server build the transfer for that account, have the
 * wallet sign and send it, report the signature. The server's refusals surface through the caller's
 * `build` mutation; what the wallet itself says (declined, not connected) is `walletError`.
 */
export function useWalletPayment(options: {
  build: (account: string) => Promise<{ transaction: string }>;
  report: (signature: string) => Promise<void>;
}) {
  const [step, setStep] = useState<PayStep>('idle');
  const [walletError, setWalletError] = useState<string | null>(null);

  const payWith = async (wallet: PayingWallet): Promise<string | null> => {
    setWalletError(null);
    let stage: PayStep = 'connecting';
    let signature: string;
    try {
      setStep(stage);
      const account = await wallet.connect();
      stage = 'building';
      setStep(stage);
      const { transaction } = await options.build(account);
      stage = 'signing';
      setStep(stage);
      signature = await wallet.signAndSend(transaction);
    } catch (error) {
      if (stage !== 'building') {
        setWalletError(error instanceof Error ? error.message : 'The wallet did not send the payment.');
      }
      setStep('idle');
      return null;
    }
    setStep('reporting');
    try {
      await options.report(signature);
    } finally {
      setStep('idle');
    }
    return signature;
  };

  return { step, walletError, payWith };
}

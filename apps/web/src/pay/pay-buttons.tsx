import type { Namespace, TFunction } from 'i18next';
import { Loader2 } from 'lucide-react';
import { Button } from '../components/ui/button';
import type { PayingWallet } from './paying-wallets';
import { PAY_STEP_LABEL, type PayStep } from './use-wallet-payment';
import { WalletIcon } from './wallet-icon';

/** The buttons' words; a caller with a catalog passes its own (the English defaults serve the rest). */
export interface PayButtonWords {
  /** "Pay 0.01 SOL with Phantom"; the wallet, not only its name, so the development wallet can be named too. */
  pay: (amount: string, wallet: PayingWallet) => string;
  step: Record<Exclude<PayStep, 'idle'>, string>;
}

const DEFAULT_WORDS: PayButtonWords = {
  pay: (amount, wallet) => `Pay ${amount} with ${wallet.name}`,
  step: PAY_STEP_LABEL,
};

/**
 * The buttons' words from a catalog section (the store's `payment`, the NFT claim's `pay`) that holds
 * `with` ("Pay {{amount}} with {{wallet}}"), `devWallet` and one `step.<step>` per payment step. The
 * development wallet is named as people say it, not by its connector name.
 */
export function catalogPayWords(t: TFunction<Namespace>, section: string): PayButtonWords {
  const steps = Object.keys(PAY_STEP_LABEL) as Array<keyof PayButtonWords['step']>;
  return {
    pay: (amount, wallet) =>
      t(`${section}.with`, {
        amount,
        wallet: wallet.id === 'dev-solana' ? t(`${section}.devWallet`) : wallet.name,
      }),
    step: Object.fromEntries(
      steps.map((step) => [step, t(`${section}.step.${step}`)]),
    ) as PayButtonWords['step'],
  };
}

/** One button per wallet that can pay in one click, and where the payment stands. */
export function PayButtons({
  wallets,
  amount,
  step,
  disabled,
  onPay,
  words = DEFAULT_WORDS,
}: {
  wallets: PayingWallet[];
  /** How the amount reads on the buttons, e.g. "149.00 USDT". */
  amount: string;
  step: PayStep;
  disabled: boolean;
  onPay: (wallet: PayingWallet) => void;
  words?: PayButtonWords;
}) {
  if (wallets.length === 0) return null;
  return (
    <div className="grid gap-2" data-testid="pay-wallets">
      {wallets.map((wallet) => (
        <Button
          key={wallet.id}
          size="lg"
          className="h-auto min-h-11 w-full whitespace-normal py-2"
          onClick={() => onPay(wallet)}
          disabled={disabled}
        >
          <WalletIcon icon={wallet.icon} />
          {words.pay(amount, wallet)}
        </Button>
      ))}
      {step !== 'idle' && (
        <p
          role="status"
          data-testid="pay-step"
          className="flex items-center gap-2 text-muted-foreground text-sm"
        >
          <Loader2 className="size-4 animate-spin motion-reduce:animate-none" aria-hidden="true" />
          {words.step[step]}
        </p>
      )}
    </div>
  );
}

import { Loader2, Wallet } from 'lucide-react';
import { Button } from '../components/ui/button';
import type { PayingWallet } from './paying-wallets';
import { PAY_STEP_LABEL, type PayStep } from './use-wallet-payment';

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
          {wallet.icon ? (
            <img src={wallet.icon} alt="" width={20} height={20} className="size-5 rounded" />
          ) : (
            <Wallet aria-hidden="true" />
          )}
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

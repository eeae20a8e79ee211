import type { PayingWallet } from './paying-wallets';
import { PAY_STEP_LABEL, type PayStep } from './use-wallet-payment';

/** One button per wallet that can pay in one click, and where the payment stands. */
export function PayButtons({
  wallets,
  amount,
  step,
  disabled,
  onPay,
}: {
  wallets: PayingWallet[];
  /** How the amount reads on the buttons, e.g. "149.00 USDT". */
  amount: string;
  step: PayStep;
  disabled: boolean;
  onPay: (wallet: PayingWallet) => void;
}) {
  if (wallets.length === 0) return null;
  return (
    <div className="pay-wallets" data-testid="pay-wallets">
      {wallets.map((wallet) => (
        <button key={wallet.id} type="button" onClick={() => onPay(wallet)} disabled={disabled}>
          {wallet.icon && <img src={wallet.icon} alt="" width={20} height={20} />}
          Pay {amount} with {wallet.name}
        </button>
      ))}
      {step !== 'idle' && (
        <p role="status" data-testid="pay-step">
          {PAY_STEP_LABEL[step]}
        </p>
      )}
    </div>
  );
}

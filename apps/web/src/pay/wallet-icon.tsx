import { Wallet } from 'lucide-react';

/** A wallet's own icon when it announces one (a data URL from the extension), else a generic wallet. */
export function WalletIcon({ icon }: { icon?: string }) {
  return icon ? (
    <img src={icon} alt="" width={20} height={20} className="size-5 rounded" />
  ) : (
    <Wallet aria-hidden="true" />
  );
}

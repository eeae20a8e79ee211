import type { TWalletChain } from '@puffy/contracts';
import { cn } from '../lib/cn';

/**
 * Each wallet family's mark, drawn small and inline (no image request, no wallet library): the shapes
 * people know from their wallets, so a row reads as Solana, EVM or TON before its name is read.
 */
const MARKS: Record<TWalletChain, { background: string; path: string }> = {
  // Solana's three slanted bars.
  sol: {
    background: 'bg-[linear-gradient(135deg,#9945ff,#14f195)]',
    path: 'M7 7.5h9.5l-2 2H5zm2 3.5h9.5l-2 2H7zm-2 3.5h9.5l-2 2H5z',
  },
  // Ethereum's diamond, for every EVM chain.
  evm: {
    background: 'bg-[#627eea]',
    path: 'M12 4.5 7 12.3l5 2.9 5-2.9zm-5 8.9 5 7.1 5-7.1-5 2.9z',
  },
  // TON's gem.
  ton: {
    background: 'bg-[#0098ea]',
    path: 'M7 7h10l-5 10zm1.9 1.4 2.4 4.7V8.4zm3.8 0v4.7l2.4-4.7z',
  },
};

/** The mark alone is decoration beside the chain's written name; with `label` it is that name. */
export function ChainMark({
  chain,
  label,
  className,
}: {
  chain: TWalletChain;
  label?: string;
  className?: string;
}) {
  const mark = MARKS[chain];
  return (
    <span
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
      className={cn(
        'inline-flex size-9 shrink-0 items-center justify-center rounded-full',
        mark.background,
        className,
      )}
    >
      <svg viewBox="0 0 24 24" className="size-5 fill-white" aria-hidden="true">
        <path d={mark.path} fillRule="evenodd" />
      </svg>
    </span>
  );
}

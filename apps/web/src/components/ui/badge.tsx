import { slottedVariants } from './slotted';

const badgeBase =
  'inline-flex w-fit shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-2.5 py-0.5 font-medium text-xs [&_svg]:size-3';

/** A short status or category word beside something else (secondary unless a variant is given). */
export const Badge = slottedVariants(
  'span',
  'badge',
  badgeBase,
  {
    default: 'border-transparent bg-primary text-primary-foreground',
    secondary: 'border-transparent bg-secondary text-secondary-foreground',
    outline: 'text-foreground',
    success: 'border-success/30 bg-success/12 text-success',
    warning: 'border-warning/30 bg-warning/12 text-warning',
    destructive: 'border-destructive/30 bg-destructive/12 text-destructive',
  },
  'secondary',
);

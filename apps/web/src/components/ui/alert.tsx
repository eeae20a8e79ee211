import { slotted, slottedVariants } from './slotted';

// Without a variant an alert reads as a card; each variant tints it (cn lets its colours win).
const alertBase =
  'relative grid w-full grid-cols-[0_1fr] items-start gap-y-1 rounded-xl border px-4 py-3 text-sm has-[>svg]:grid-cols-[1.25rem_1fr] has-[>svg]:gap-x-3 [&>svg]:mt-0.5 [&>svg]:size-4.5 [&>svg]:text-current bg-card text-card-foreground';

/**
 * A message in the page's flow. Give it `role="alert"` for a failure the person must see now, or
 * `role="status"` for news that can wait; the default has no role.
 */
export const Alert = slottedVariants('div', 'alert', alertBase, {
  info: 'border-primary/30 bg-primary/8 text-foreground [&>svg]:text-primary',
  success: 'border-success/30 bg-success/8 text-foreground [&>svg]:text-success',
  warning: 'border-warning/35 bg-warning/8 text-foreground [&>svg]:text-warning',
  destructive: 'border-destructive/35 bg-destructive/8 text-foreground [&>svg]:text-destructive',
});

export const AlertTitle = slotted('h3', 'alert-title', 'col-start-2 font-semibold text-sm');

export const AlertDescription = slotted(
  'div',
  'alert-description',
  'col-start-2 grid gap-1.5 text-muted-foreground [&_p]:leading-relaxed',
);

import { cn } from '../lib/cn';

/**
 * The look of a navigation link (the site's header, the admin console's sections): muted, lit on
 * hover, and filled while its page is open. NavLink's className callback passes `isActive`.
 */
export const navLinkClass =
  (extra?: string) =>
  ({ isActive }: { isActive: boolean }) =>
    cn(
      'rounded-lg px-3 py-2 font-medium text-muted-foreground text-sm no-underline transition-colors hover:bg-accent hover:text-foreground',
      extra,
      isActive && 'bg-accent text-foreground',
    );

import type { LucideIcon } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Button } from '../components/ui/button';

/**
 * The top of a member's page (the store, the orders, the profile): icon and title, one line of lead,
 * and the page's way onward on the right.
 */
export function PageHeader({
  icon: Icon,
  title,
  lead,
  onward,
}: {
  icon: LucideIcon;
  title: string;
  lead: string;
  /** Where to go next from here (the orders from the store, the store from the orders); none hides it. */
  onward?: { to: string; icon: LucideIcon; label: string } | null;
}) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="grid gap-2">
        <h1 className="flex items-center gap-2 font-bold text-3xl">
          <Icon className="size-7 text-primary" aria-hidden="true" />
          {title}
        </h1>
        <p className="max-w-2xl text-muted-foreground">{lead}</p>
      </div>
      {onward && (
        <Button asChild variant="outline">
          <Link to={onward.to}>
            <onward.icon aria-hidden="true" />
            {onward.label}
          </Link>
        </Button>
      )}
    </header>
  );
}

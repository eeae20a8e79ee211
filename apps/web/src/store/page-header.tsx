import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../components/ui/button';
import { Card, CardHeader, CardTitle } from '../components/ui/card';

/** The top of a store page: icon and title, one line of lead, and the page's way onward on the right. */
export function StorePageHeader({
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

/** A titled card of the order page; the icon says at a glance what the card is about. */
export function SectionCard({
  id,
  icon: Icon,
  title,
  children,
}: {
  id: string;
  icon: LucideIcon;
  title: string;
  children: ReactNode;
}) {
  return (
    <Card as="section" aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id} className="flex items-center gap-2">
          <Icon className="size-5 text-primary" aria-hidden="true" />
          {title}
        </CardTitle>
      </CardHeader>
      {children}
    </Card>
  );
}

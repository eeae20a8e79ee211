import type { LucideIcon } from 'lucide-react';
import { type ComponentProps, type ReactNode, useId } from 'react';
import { Card, CardDescription, CardHeader, CardTitle } from '../components/ui/card';
import { cn } from '../lib/cn';

/**
 * One panel of the campaign and NFT screens: a card section named by its title (icon, title, an
 * optional line under it), so every panel reads and sounds the same to a screen reader. The title names
 * the section through its id: `titleId` when a caller needs to know it, otherwise one of React's own.
 */
export function Panel({
  titleId,
  icon: Icon,
  iconClassName,
  title,
  description,
  children,
  ...card
}: Omit<ComponentProps<typeof Card>, 'title'> & {
  titleId?: string;
  icon: LucideIcon;
  /** The icon is the brand colour unless the panel's state says otherwise (expired, failed). */
  iconClassName?: string;
  title: ReactNode;
  description?: ReactNode;
}) {
  const ownId = useId();
  const labelId = titleId ?? ownId;
  return (
    <Card as="section" aria-labelledby={labelId} {...card}>
      <CardHeader>
        <CardTitle id={labelId} className="flex items-center gap-2">
          <Icon className={cn('size-5 shrink-0 text-primary', iconClassName)} aria-hidden="true" />
          {title}
        </CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      {children}
    </Card>
  );
}

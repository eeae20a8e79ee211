import type { CSSProperties, ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';
import { cn } from '../../lib/cn';

/**
 * How the admin's Recharts pictures take the design tokens (light and dark follow the CSS variables),
 * in one place so every chart's axis text and tooltip look alike.
 */
export const chartTick = { fill: 'var(--color-muted-foreground)', fontSize: 12 };

export const chartTooltip: CSSProperties = {
  background: 'var(--color-popover)',
  border: '1px solid var(--color-border)',
  borderRadius: 8,
  color: 'var(--color-popover-foreground)',
};

/**
 * A chart's box: as wide as its column and as tall as `className` says. Hidden from assistive
 * technology, since every chart is a picture of numbers the page also lists in words.
 */
export function ChartFrame({ className, children }: { className: string; children: ReactElement }) {
  return (
    <div aria-hidden="true" className={cn('w-full min-w-0', className)}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

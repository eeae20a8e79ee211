import type { CSSProperties } from 'react';

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

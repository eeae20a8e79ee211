import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../lib/format';
import { ChartFrame, chartTick, chartTooltip } from './chart-frame';

export interface FunnelBar {
  label: string;
  count: number;
}

/**
 * The funnel drawn as bars, widest step first (Recharts). A picture of the list beside it, which
 * carries the same numbers in words; it is its own chunk, loaded only on this page.
 */
export default function FunnelChart({ bars }: { bars: FunnelBar[] }) {
  return (
    <ChartFrame className="h-72">
      <BarChart
        accessibilityLayer={false}
        data={bars}
        layout="vertical"
        margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
      >
        <XAxis type="number" hide />
        <YAxis
          type="category"
          dataKey="label"
          width={128}
          tickLine={false}
          axisLine={false}
          tick={chartTick}
        />
        <Tooltip
          cursor={{ fill: 'var(--color-accent)' }}
          formatter={(value) => formatNumber(Number(value))}
          contentStyle={chartTooltip}
        />
        <Bar dataKey="count" fill="var(--color-primary)" radius={[0, 6, 6, 0]} isAnimationActive={false}>
          <LabelList
            dataKey="count"
            position="right"
            formatter={(value) => formatNumber(Number(value))}
            style={{ fill: 'var(--color-foreground)', fontSize: 12 }}
          />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

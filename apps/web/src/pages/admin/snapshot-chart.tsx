import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../lib/format';
import { ChartFrame, chartTick, chartTooltip } from './chart-frame';

/** One reading of a running import: seconds since it started, and the rows counted so far. */
export interface ImportSample {
  second: number;
  accepted: number;
  rejected: number;
}

/**
 * An import's rows over its seconds, accepted and rejected stacked (Recharts). A picture of the counts
 * listed beside it, which carry the same numbers in words; its own chunk, loaded with the first reading.
 */
export default function SnapshotChart({ samples }: { samples: ImportSample[] }) {
  const { t } = useTranslation('admin');
  return (
    <ChartFrame className="h-56">
      <AreaChart accessibilityLayer={false} data={samples} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="second"
          type="number"
          domain={[0, 'dataMax']}
          tick={chartTick}
          tickLine={false}
          tickFormatter={(s) => t('snapshot.chartSecond', { count: Number(s) })}
        />
        <YAxis
          width={56}
          tick={chartTick}
          tickLine={false}
          axisLine={false}
          tickFormatter={(n) => formatNumber(Number(n))}
        />
        <Tooltip
          contentStyle={chartTooltip}
          labelFormatter={(s) => t('snapshot.chartSecond', { count: Number(s) })}
          formatter={(value, name) => [formatNumber(Number(value)), t(`snapshot.${String(name)}`)]}
        />
        <Area
          type="monotone"
          dataKey="accepted"
          stackId="rows"
          stroke="var(--color-primary)"
          fill="var(--color-primary)"
          fillOpacity={0.3}
          isAnimationActive={false}
        />
        <Area
          type="monotone"
          dataKey="rejected"
          stackId="rows"
          stroke="var(--color-destructive)"
          fill="var(--color-destructive)"
          fillOpacity={0.3}
          isAnimationActive={false}
        />
      </AreaChart>
    </ChartFrame>
  );
}

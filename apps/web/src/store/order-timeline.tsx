import type { TOrderStatus, TOrderStatusEvent } from '@puffy/contracts';
import { Check, Circle, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/cn';
import { formatDateTime } from '../lib/format';
import { ORDER_PATH, stepsAhead } from './order-status';

const onPath = (status: TOrderStatus) => (ORDER_PATH as readonly TOrderStatus[]).includes(status);

/**
 * Where the order has been (each state with when and why, oldest first) and, while it is on its way,
 * the states still ahead. Only the states it went through carry `data-status`.
 */
export function OrderTimeline({ events, status }: { events: TOrderStatusEvent[]; status: TOrderStatus }) {
  const { t } = useTranslation('store');
  const ahead = stepsAhead(status);
  return (
    <ol className="grid" data-testid="order-timeline">
      {events.map((event, index) => {
        const current = index === events.length - 1;
        const ended = !onPath(event.status);
        const Icon = ended ? X : Check;
        return (
          <li
            key={`${event.status}-${event.at}`}
            data-status={event.status}
            aria-current={current ? 'step' : undefined}
            className="relative flex gap-3 pb-5 last:pb-0"
          >
            <Rail last={current && ahead.length === 0} />
            <span
              className={cn(
                'relative z-10 grid size-6 shrink-0 place-items-center rounded-full',
                ended
                  ? 'bg-destructive/15 text-destructive'
                  : current
                    ? 'bg-primary text-primary-foreground'
                    : 'bg-success/15 text-success',
              )}
            >
              <Icon className="size-3.5" aria-hidden="true" />
            </span>
            <div className="grid min-w-0 gap-0.5 text-sm">
              <span className="font-medium">{t(`status.${event.status}`)}</span>
              <span className="text-muted-foreground">{t(`statusHint.${event.status}`)}</span>
              <time dateTime={event.at} className="text-muted-foreground text-xs">
                {formatDateTime(event.at)}
              </time>
              {event.reason && (
                <span className="break-words text-muted-foreground text-xs">{event.reason}</span>
              )}
            </div>
          </li>
        );
      })}
      {ahead.map((step, index) => (
        <li key={step} data-step={step} className="relative flex gap-3 pb-5 text-muted-foreground last:pb-0">
          <Rail last={index === ahead.length - 1} />
          <span className="relative z-10 grid size-6 shrink-0 place-items-center rounded-full border bg-card">
            <Circle className="size-2" aria-hidden="true" />
          </span>
          <span className="pt-0.5 text-sm">{t(`status.${step}`)}</span>
        </li>
      ))}
    </ol>
  );
}

/** The line joining one state's dot to the next. */
function Rail({ last }: { last: boolean }) {
  if (last) return null;
  return (
    <span aria-hidden="true" className="absolute top-6 bottom-0 left-3 w-px -translate-x-1/2 bg-border" />
  );
}

/** Adds an event unless the timeline already has that status (a stream sends the current one first). */
export function withEvent(events: TOrderStatusEvent[], event: TOrderStatusEvent): TOrderStatusEvent[] {
  if (events.some((e) => e.status === event.status)) return events;
  return [...events, event];
}

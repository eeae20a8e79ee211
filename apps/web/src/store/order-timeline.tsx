import type { TOrderStatusEvent } from '@puffy/contracts';
import { formatDateTime } from '../lib/format';
import { STATUS_LABEL } from './words';

/** The statuses the order went through that this page knows of, oldest first. */
export function OrderTimeline({ events }: { events: TOrderStatusEvent[] }) {
  return (
    <ol className="store-timeline" data-testid="order-timeline">
      {events.map((event) => (
        <li key={`${event.status}-${event.at}`} data-status={event.status}>
          <strong>{STATUS_LABEL[event.status]}</strong>{' '}
          <time dateTime={event.at} className="muted small">
            {formatDateTime(event.at)}
          </time>
          {event.reason && <span className="muted"> — {event.reason}</span>}
        </li>
      ))}
    </ol>
  );
}

/** Adds an event unless the timeline already ends in that status (a stream sends the current one first). */
export function withEvent(events: TOrderStatusEvent[], event: TOrderStatusEvent): TOrderStatusEvent[] {
  if (events.some((e) => e.status === event.status)) return events;
  return [...events, event];
}

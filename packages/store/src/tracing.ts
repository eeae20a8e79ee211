import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Redis } from 'ioredis';

/**
 * One span per Redis command, when apps/server exports traces (docs/runbooks/observability.md).
 * ioredis sends every command, the rate limiter's scripts included, through `sendCommand`; it is
 * wrapped the first time tracing is turned on, so with tracing off nothing is wrapped. Spans carry
 * the command's name only: keys and values hold session ids and codes.
 */

let on = false;
let wrapped = false;

type Command = { name: string; promise: Promise<unknown> };
type Send = (this: Redis, command: Command, ...rest: unknown[]) => unknown;

/** Turns Redis command spans on or off for every client of this process. */
export function traceRedisCommands(enabled: boolean): void {
  on = enabled;
  if (!enabled || wrapped) return;
  wrapped = true;
  const prototype = Redis.prototype as unknown as { sendCommand: Send };
  const send = prototype.sendCommand;
  prototype.sendCommand = function (this: Redis, command: Command, ...rest: unknown[]) {
    if (!on) return send.call(this, command, ...rest);
    const name = command.name.toUpperCase();
    const span = trace.getTracer('@puffy/store').startSpan(`redis ${name}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'redis', 'db.operation.name': name },
    });
    const result = send.call(this, command, ...rest);
    command.promise.then(
      () => span.end(),
      () => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'command failed' });
        span.end();
      },
    );
    return result;
  };
}

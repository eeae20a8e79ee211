import { type CircuitState, circuitBreakerStates } from '@puffy/chains';
import { Gauge, type Registry } from 'prom-client';

/** Ordered by severity, so that max() over instances and over a service's breakers is the worst. */
const STATE_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

export type CircuitStatesSource = () => ReadonlyArray<{ service: string; state: CircuitState }>;

/**
 * The RPC clients' circuit breakers (holdings readers, payment RPCs), read at scrape time from the
 * process-wide list the chains package keeps: 0 closed, 1 half-open (one probe admitted), 2 open.
 */
export function registerCircuitGauge(
  registry: Registry,
  read: CircuitStatesSource = circuitBreakerStates,
): void {
  new Gauge({
    name: 'puffy_circuit_breaker_state',
    help: 'Worst circuit breaker state per upstream service: 0 closed, 1 half-open, 2 open',
    labelNames: ['service'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const worst = new Map<string, number>();
      for (const { service, state } of read()) {
        worst.set(service, Math.max(worst.get(service) ?? 0, STATE_VALUE[state]));
      }
      for (const [service, value] of worst) this.set({ service }, value);
    },
  });
}

import { z } from 'zod';
import { type JobDefinition, type JobSettings, settingsOf } from './definition';
import type { ClaimedJob, Engine } from './engine';
import type { JobErrorReporter, JobHandler, JobWorker, StopOptions } from './types';

/** Why an attempt ended before its handler did. */
type Interruption = 'expired' | 'stopped' | 'crashed';

type Outcome = { kind: 'resolved' } | { kind: 'threw'; error: unknown } | { kind: Interruption };

interface Registration {
  settings: JobSettings;
  /** Validates the stored payload and calls the typed handler; keeps the handler's type at registration. */
  run: (payload: unknown, claimed: ClaimedJob, signal: AbortSignal) => Promise<RunStart>;
  concurrency: number;
  active: Set<Promise<void>>;
}

type RunStart = { kind: 'started'; done: Promise<void> } | { kind: 'refused'; reason: string };

interface Attempt {
  interrupt(reason: Interruption): void;
}

const DEFAULT_STOP_TIMEOUT_MS = 30_000;

/**
 * The worker loop, the same over both engines: per job kind, claim as many due jobs as there are free
 * slots, run each under its lease, settle it, and poll again at once while work keeps coming.
 */
export class Worker implements JobWorker {
  private readonly registrations = new Map<string, Registration>();
  private readonly attempts = new Set<Attempt>();
  private readonly sleepers = new Set<() => void>();
  private readonly loops: Promise<void>[] = [];
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private crashed = false;
  private stopping: Promise<void> | null = null;
  /** Resolves when stop() or crash() begins, to free a loop waiting for a slot. */
  private readonly halt = withResolvers();

  constructor(
    private readonly engine: Engine,
    private readonly options: { workerId: string; pollIntervalMs: number; onError: JobErrorReporter },
  ) {}

  register<P extends object>(
    job: JobDefinition<P>,
    handler: JobHandler<P>,
    options: { concurrency?: number } = {},
  ): void {
    if (this.state !== 'new') throw new Error('register every job before the worker starts');
    const settings = settingsOf(job);
    if (this.registrations.has(settings.name)) throw new Error(`job ${settings.name} is registered twice`);
    const concurrency = options.concurrency ?? 1;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be 1 or more');
    const run: Registration['run'] = async (payload, claimed, signal) => {
      const parsed = job.payload.safeParse(payload);
      if (!parsed.success) return { kind: 'refused', reason: z.prettifyError(parsed.error) };
      const done = handler(parsed.data, { jobId: claimed.id, attempt: claimed.attempt, signal });
      return { kind: 'started', done };
    };
    this.registrations.set(settings.name, { settings, run, concurrency, active: new Set() });
  }

  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error('a worker starts once');
    this.state = 'running';
    try {
      for (const registration of this.registrations.values())
        await this.engine.prepare(registration.settings);
    } catch (error) {
      // Nothing runs yet, so a later start() may try again (the database was down at boot).
      this.state = 'new';
      throw error;
    }
    for (const registration of this.registrations.values()) this.loops.push(this.loop(registration));
  }

  stop(options: StopOptions = {}): Promise<void> {
    // A second caller (close() during a shutdown's stop()) waits for the same drain.
    this.stopping ??= this.drain(options);
    return this.stopping;
  }

  private async drain(options: StopOptions): Promise<void> {
    if (this.state !== 'running') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopping';
    this.wakeAll();
    await Promise.all(this.loops);
    const running = this.runningAttempts();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled(running).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      for (const attempt of this.attempts) attempt.interrupt('stopped');
      await Promise.allSettled(running);
    }
    this.state = 'stopped';
  }

  /** Test support (see testing.ts): stops as a killed process would, leaving its jobs leased. */
  async crash(): Promise<void> {
    this.crashed = true;
    this.state = 'stopped';
    this.wakeAll();
    for (const attempt of this.attempts) attempt.interrupt('crashed');
    await Promise.all(this.loops);
    await Promise.allSettled(this.runningAttempts());
  }

  private runningAttempts(): Promise<void>[] {
    return [...this.registrations.values()].flatMap((registration) => [...registration.active]);
  }

  private async loop(registration: Registration): Promise<void> {
    while (this.state === 'running') {
      const free = registration.concurrency - registration.active.size;
      if (free <= 0) {
        await Promise.race([...registration.active, this.halt.promise]);
        continue;
      }
      let claimed: ClaimedJob[] = [];
      try {
        claimed = await this.engine.claim(registration.settings, free, this.options.workerId);
      } catch (error) {
        this.options.onError(error, `claiming ${registration.settings.name} jobs`);
      }
      // Jobs claimed while stop() was waiting are ours: run them (stop waits). A crash abandons them.
      if (this.crashed) return;
      for (const job of claimed) this.launch(registration, job);
      if (claimed.length === 0) await this.nap(this.options.pollIntervalMs);
    }
  }

  private launch(registration: Registration, claimed: ClaimedJob): void {
    const running = this.attempt(registration, claimed).catch((error: unknown) => {
      this.options.onError(error, `settling ${registration.settings.name} job ${claimed.id}`);
    });
    registration.active.add(running);
    void running.finally(() => registration.active.delete(running));
  }

  private async attempt(registration: Registration, claimed: ClaimedJob): Promise<void> {
    const { settings } = registration;
    const { workerId } = this.options;
    const controller = new AbortController();
    let interrupt: (reason: Interruption) => void = () => {};
    const interrupted = new Promise<Outcome>((resolve) => {
      interrupt = (reason) => resolve({ kind: reason });
    });
    const attempt: Attempt = { interrupt: (reason) => interrupt(reason) };
    const lease = setTimeout(() => attempt.interrupt('expired'), claimed.leaseMs);
    this.attempts.add(attempt);
    try {
      const start = await registration
        .run(claimed.payload, claimed, controller.signal)
        .catch((error: unknown): RunStart => ({ kind: 'started', done: Promise.reject(error) }));
      if (start.kind === 'refused') {
        await this.engine.bury(
          settings,
          claimed,
          `payload rejected by its schema: ${start.reason}`,
          workerId,
        );
        return;
      }
      const handled = start.done.then(
        (): Outcome => ({ kind: 'resolved' }),
        (error: unknown): Outcome => ({ kind: 'threw', error }),
      );
      const outcome = await Promise.race([handled, interrupted]);
      if (outcome.kind === 'crashed') return;
      if (outcome.kind === 'expired' || outcome.kind === 'stopped') controller.abort(outcome.kind);
      await this.settle(settings, claimed, outcome);
    } finally {
      clearTimeout(lease);
      this.attempts.delete(attempt);
    }
  }

  private settle(settings: JobSettings, claimed: ClaimedJob, outcome: Outcome): Promise<void> {
    const { workerId } = this.options;
    switch (outcome.kind) {
      case 'resolved':
        return this.engine.complete(settings, claimed, workerId);
      case 'threw':
        return this.engine.fail(settings, claimed, errorMessage(outcome.error), workerId);
      case 'expired':
        return this.engine.fail(settings, claimed, `timed out after ${settings.expireInSeconds} s`, workerId);
      case 'stopped':
        return this.engine.fail(settings, claimed, 'the worker stopped before the job finished', workerId);
      case 'crashed':
        return Promise.resolve();
    }
  }

  /** Waits `ms`, or less when stop() or crash() wakes every loop. */
  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private wakeAll(): void {
    this.halt.resolve();
    for (const wake of [...this.sleepers]) wake();
  }
}

function withResolvers(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

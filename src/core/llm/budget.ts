import { performance } from 'node:perf_hooks';

// One deadline per owner turn, shared by every LLM call of that turn (extraction, then a
// summary or a drafted spec). Each call gets what is left; when it runs out, the signal
// aborts whatever is in flight and the offline engine answers.

export interface Budget {
  readonly totalMs: number;
  /** Aborts when the budget is spent. */
  readonly signal: AbortSignal;
  remainingMs(): number;
}

export interface TurnBudget extends Budget {
  /** Stops the timer; the turn is over and nothing of it is still in flight. */
  dispose(): void;
}

export function createBudget(totalMs: number, clock: () => number = () => performance.now()): TurnBudget {
  const startedAt = clock();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new BudgetExceededError(totalMs)), totalMs);
  // A pending budget must never keep a CLI process alive.
  timer.unref();
  return {
    totalMs,
    signal: controller.signal,
    remainingMs: () => (controller.signal.aborted ? 0 : Math.max(0, totalMs - (clock() - startedAt))),
    dispose() {
      clearTimeout(timer);
    },
  };
}

export class BudgetExceededError extends Error {
  override name = 'BudgetExceededError';
  constructor(totalMs: number) {
    super(`the turn's LLM budget of ${totalMs} ms is spent`);
  }
}

/** Settles with `work`, or rejects when `signal` aborts first, whatever `work` does then. */
export function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/** Waits `ms`, or rejects when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return raceSignal(waited, signal).finally(() => clearTimeout(timer));
}

import type { Logger } from 'pino';
import type { OutboxStore } from './ports.js';
import type { OutboxItem, Sender } from './types.js';

// Delivers the outbox: a platform that answers 429 or 5xx, or a process that dies mid-send,
// delays messages but loses none. Backoff doubles from `baseDelayMs` up to `maxDelayMs`;
// a Retry-After from the platform wins when it is longer.

export interface DispatcherOptions {
  store: OutboxStore;
  senders: Record<string, Sender>;
  log: Logger;
  leaseMs?: number;
  batch?: number;
  pollMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => Date;
}

export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

export function createDispatcher(o: DispatcherOptions) {
  const channels = Object.keys(o.senders);
  const now = o.now ?? (() => new Date());
  const maxAttempts = o.maxAttempts ?? 15;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;

  async function deliver(item: OutboxItem): Promise<void> {
    const sender = o.senders[item.channel];
    let outcome;
    try {
      outcome = sender ? await sender.send(item) : { status: 'failed' as const, error: `no sender for ${item.channel}` };
    } catch (err) {
      outcome = { status: 'retry' as const, error: (err as Error).message };
    }
    if (outcome.status === 'sent') return o.store.markSent(item.id, outcome.result);
    const log = { id: item.id, channel: item.channel, attempts: item.attempts, error: outcome.error };
    if (outcome.status === 'failed' || item.attempts >= maxAttempts) {
      o.log.error(log, 'outbound message undeliverable; kept as dead for `bansou outbox retry`');
      return o.store.markDead(item.id, outcome.error);
    }
    const delay = Math.max(backoffMs(item.attempts, o.baseDelayMs ?? 1000, o.maxDelayMs ?? 300_000), outcome.retryAfterMs ?? 0);
    o.log.warn({ ...log, retryInMs: delay }, 'outbound message will be retried');
    await o.store.markRetry(item.id, outcome.error, new Date(now().getTime() + delay));
  }

  /** Sends everything due now, in rounds, until nothing is due; returns how many were tried. */
  async function drain(): Promise<number> {
    let tried = 0;
    for (;;) {
      const due = await o.store.claimDue(channels, o.batch ?? 20, o.leaseMs ?? 30_000);
      if (due.length === 0) return tried;
      await Promise.all(due.map(deliver));
      tried += due.length;
    }
  }

  function tick(): void {
    if (stopped || running) return;
    running = drain()
      .catch((err: unknown) => {
        o.log.error({ err }, 'outbox dispatch failed; will try again');
        return 0;
      })
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, o.pollMs ?? 500);
      });
  }

  return {
    drain,
    start(): void {
      if (!stopped || channels.length === 0) return;
      stopped = false;
      tick();
    },
    /** New work was queued: look now rather than at the next poll. */
    kick(): void {
      if (stopped || running) return;
      if (timer) clearTimeout(timer);
      tick();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

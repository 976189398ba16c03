import type { OutboundMessage, OutboxItem } from './types.js';

export interface OutboxStore {
  enqueue(messages: OutboundMessage[]): Promise<void>;
  /**
   * Leases up to `limit` due messages of these channels, oldest first, at most one per order
   * key and only when nothing older of that key is still undelivered. A lease that expires
   * (the process died mid-send) makes the message due again.
   */
  claimDue(channels: string[], limit: number, leaseMs: number): Promise<OutboxItem[]>;
  markSent(id: string, result?: Record<string, unknown>): Promise<void>;
  markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void>;
  /** Gives up on a message; it stays in the table for an operator to retry. */
  markDead(id: string, error: string): Promise<void>;
  /** Makes dead messages due again (an operator's `bansou outbox retry`). */
  revive(): Promise<number>;
  counts(): Promise<Record<'pending' | 'sending' | 'sent' | 'dead', number>>;
}

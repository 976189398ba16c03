import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { createPrismaOutboxStore } from '../../db/prisma-outbox-store.js';
import { text } from '../replies.js';
import { createDispatcher } from './dispatcher.js';
import type { OutboundMessage, OutboxItem, Sender, SendOutcome } from './types.js';

// The outbox on a real database: order within a conversation, independence across them,
// backoff, leases that expire, dead letters, and two dispatchers sharing the work.

let db: TestDatabase;
let store: ReturnType<typeof createPrismaOutboxStore>;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  db = await createTestDatabase();
  store = createPrismaOutboxStore(db.prisma);
});
afterAll(async () => db?.close());
beforeEach(async () => {
  await db.prisma.outbox.deleteMany();
});

const msg = (userId: string, body: string): OutboundMessage => ({ channel: 'fake', address: { kind: 'line_user', userId }, replies: [text(body)] });

/** A sender whose answers are scripted per message text; it records what it delivered. */
function scriptedSender(script: Record<string, SendOutcome[]> = {}) {
  const sent: string[] = [];
  const sender: Sender = {
    async send(item: OutboxItem) {
      const body = (item.replies[0] as { text: string }).text;
      const next = script[body]?.shift();
      if (next && next.status !== 'sent') return next;
      sent.push(body);
      return { status: 'sent' };
    },
  };
  return { sender, sent };
}

const fast = { baseDelayMs: 10, maxDelayMs: 20, log, store: undefined as never };

describe('outbox dispatcher', () => {
  it('sends a conversation in order, holding later messages while an earlier one is retried', async () => {
    await store.enqueue([msg('a', 'a1'), msg('a', 'a2'), msg('a', 'a3'), msg('b', 'b1')]);
    const { sender, sent } = scriptedSender({ a1: [{ status: 'retry', error: '500' }, { status: 'retry', error: '500' }] });
    const d = createDispatcher({ ...fast, store, senders: { fake: sender } });
    for (let i = 0; i < 10 && sent.length < 4; i++) {
      await d.drain();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(sent.filter((s) => s.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(sent.indexOf('b1')).toBeLessThan(sent.indexOf('a1'));
  });

  it('waits at least as long as the platform asks', async () => {
    await store.enqueue([msg('c', 'c1')]);
    const { sender } = scriptedSender({ c1: [{ status: 'retry', error: '429', retryAfterMs: 60_000 }] });
    await createDispatcher({ ...fast, store, senders: { fake: sender } }).drain();
    const row = await db.prisma.outbox.findFirstOrThrow();
    expect(row.state).toBe('pending');
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 55_000);
  });

  it('keeps an undeliverable message as dead, and an operator can revive it', async () => {
    await store.enqueue([msg('d', 'd1')]);
    const { sender, sent } = scriptedSender({ d1: [{ status: 'failed', error: 'channel_not_found' }] });
    const d = createDispatcher({ ...fast, store, senders: { fake: sender } });
    await d.drain();
    expect((await store.counts()).dead).toBe(1);
    expect(await store.revive()).toBe(1);
    await d.drain();
    expect(sent).toEqual(['d1']);
  });

  it('gives up after the most attempts allowed', async () => {
    await store.enqueue([msg('e', 'e1')]);
    const always = Array.from({ length: 10 }, () => ({ status: 'retry' as const, error: '503' }));
    const { sender } = scriptedSender({ e1: always });
    const d = createDispatcher({ ...fast, store, senders: { fake: sender }, maxAttempts: 3 });
    for (let i = 0; i < 6; i++) {
      await d.drain();
      await new Promise((r) => setTimeout(r, 30));
    }
    const row = await db.prisma.outbox.findFirstOrThrow();
    expect(row).toMatchObject({ state: 'dead', attempts: 3, lastError: '503' });
  });

  it('makes a message due again when the process holding it died (its lease ran out)', async () => {
    await store.enqueue([msg('f', 'f1')]);
    const [claimed] = await store.claimDue(['fake'], 10, 100);
    expect(claimed?.attempts).toBe(1);
    expect(await store.claimDue(['fake'], 10, 100)).toEqual([]);
    await new Promise((r) => setTimeout(r, 150));
    const [again] = await store.claimDue(['fake'], 10, 100);
    expect(again?.id).toBe(claimed?.id);
    expect(again?.attempts).toBe(2);
  });

  it('sends each message once when two dispatchers share the work', async () => {
    await store.enqueue(Array.from({ length: 40 }, (_, i) => msg(`u${i % 10}`, `m${i}`)));
    const one = scriptedSender();
    const two = scriptedSender();
    const d1 = createDispatcher({ ...fast, store, senders: { fake: one.sender }, batch: 5 });
    const d2 = createDispatcher({ ...fast, store, senders: { fake: two.sender }, batch: 5 });
    await Promise.all([d1.drain(), d2.drain(), d1.drain(), d2.drain()]);
    while ((await store.counts()).pending > 0) await Promise.all([d1.drain(), d2.drain()]);
    const all = [...one.sent, ...two.sent];
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
  });
});

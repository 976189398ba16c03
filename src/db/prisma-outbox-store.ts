import type { OutboxStore } from '../core/outbox/ports.js';
import { orderKeyOf, type Address, type OutboundMessage, type OutboxItem } from '../core/outbox/types.js';
import type { Reply } from '../core/replies.js';
import { newId } from '../core/ids.js';
import type { Prisma, PrismaClient } from './generated/client.js';

type Db = PrismaClient | Prisma.TransactionClient;

interface OutboxRow {
  id: string;
  channel: string;
  address: Address;
  payload: { replies: Reply[] };
  case_id: string | null;
  attempts: number;
  reply_token: string | null;
  reply_token_expires_at: Date | null;
  created_at: Date;
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id, channel: row.channel, address: row.address, replies: row.payload.replies, caseId: row.case_id,
    attempts: row.attempts, createdAt: row.created_at,
    ...(row.reply_token ? { replyToken: row.reply_token } : {}),
    ...(row.reply_token_expires_at ? { replyTokenExpiresAt: row.reply_token_expires_at } : {}),
  };
}

/** Writes messages to the outbox; inside a turn's transaction they commit with the turn. */
export async function enqueueOutbound(db: Db, messages: OutboundMessage[]): Promise<void> {
  if (!messages.length) return;
  await db.outbox.createMany({
    data: messages.map((m) => ({
      id: newId(), channel: m.channel, address: m.address as Prisma.InputJsonValue,
      payload: { replies: m.replies } as unknown as Prisma.InputJsonValue, caseId: m.caseId ?? null, orderKey: orderKeyOf(m),
      replyToken: m.replyToken ?? null, replyTokenExpiresAt: m.replyTokenExpiresAt ?? null,
    })),
  });
}

export function createPrismaOutboxStore(prisma: PrismaClient): OutboxStore {
  return {
    enqueue: (messages) => enqueueOutbound(prisma, messages),
    async claimDue(channels, limit, leaseMs) {
      if (!channels.length) return [];
      // One statement: pick the oldest undelivered message of each order key that is due,
      // skip rows another process holds, and lease them.
      const rows = await prisma.$queryRaw<OutboxRow[]>`
        WITH due AS (
          SELECT o.id FROM "outbox" o
          WHERE o.channel = ANY(${channels}::text[])
            AND ((o.state = 'pending' AND o.next_attempt_at <= now())
              OR (o.state = 'sending' AND o.lease_until < now()))
            AND NOT EXISTS (
              SELECT 1 FROM "outbox" p
              WHERE p.order_key = o.order_key AND p.seq < o.seq AND p.state IN ('pending', 'sending'))
          ORDER BY o.seq
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        UPDATE "outbox" SET state = 'sending', attempts = "outbox".attempts + 1,
          lease_until = now() + make_interval(secs => ${leaseMs / 1000}::float8)
        FROM due WHERE "outbox".id = due.id
        RETURNING "outbox".id, "outbox".channel, "outbox".address, "outbox".payload, "outbox".case_id,
          "outbox".attempts, "outbox".reply_token, "outbox".reply_token_expires_at, "outbox".created_at`;
      return rows.map(toItem);
    },
    async markSent(id, result) {
      await prisma.outbox.update({
        where: { id },
        data: { state: 'sent', sentAt: new Date(), leaseUntil: null, lastError: null, ...(result ? { result: result as Prisma.InputJsonValue } : {}) },
      });
    },
    async markRetry(id, error, nextAttemptAt) {
      await prisma.outbox.update({ where: { id }, data: { state: 'pending', lastError: error.slice(0, 2000), nextAttemptAt, leaseUntil: null } });
    },
    async markDead(id, error) {
      await prisma.outbox.update({ where: { id }, data: { state: 'dead', lastError: error.slice(0, 2000), leaseUntil: null } });
    },
    async revive() {
      const { count } = await prisma.outbox.updateMany({ where: { state: 'dead' }, data: { state: 'pending', attempts: 0, nextAttemptAt: new Date() } });
      return count;
    },
    async counts() {
      const groups = await prisma.outbox.groupBy({ by: ['state'], _count: { _all: true } });
      const out = { pending: 0, sending: 0, sent: 0, dead: 0 };
      for (const g of groups) out[g.state] = g._count._all;
      return out;
    },
  };
}

import type { OutboundMessage } from '../core/outbox/types.js';
import type { PrismaClient } from './generated/client.js';
import { writeAudit } from './prisma-case-store.js';
import { enqueueOutbound } from './prisma-outbox-store.js';

/** Queues messages once per key, ever: the key and the messages commit together. */
export type PostOnce = (key: string, messages: OutboundMessage[]) => Promise<boolean>;

const ACTION = 'scheduled_post';

export function createPostOnce(prisma: PrismaClient): PostOnce {
  return (key, messages) =>
    prisma.$transaction(async (tx) => {
      // Two processes posting the same key: the second waits on this lock, then finds the row.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
      const done = await tx.auditEvent.count({ where: { action: ACTION, detail: { path: ['key'], equals: key } } });
      if (done) return false;
      await enqueueOutbound(tx, messages);
      await writeAudit(tx, { caseId: null, actorType: 'system', actorId: null, channel: 'scheduler', action: ACTION, detail: { key } });
      return true;
    });
}

import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../../src/db/generated/client.js';
import type { Reply } from '../../../src/core/replies.js';
import type { NewPaneMessage, PaneMessage, PaneStore, PaneView } from '../ports.js';

// The simulator's panes in web_message. `rev` comes from one sequence and is taken again on
// every update, so "anything newer than rev N?" answers for edits as well as new messages.

type Row = Prisma.WebMessageGetPayload<object>;

const toMessage = (r: Row): PaneMessage => ({
  id: r.id, rev: r.rev.toString(), pane: r.pane as PaneMessage['pane'], conversation: r.conversation, caseId: r.caseId,
  threadOf: r.threadOf, root: r.root, author: r.author as PaneMessage['author'], authorName: r.authorName,
  replies: r.replies as unknown as Reply[], at: r.createdAt.toISOString(),
});

const json = (replies: Reply[]): Prisma.InputJsonValue => replies as unknown as Prisma.InputJsonValue;

function visible(view: PaneView): Prisma.WebMessageWhereInput {
  return {
    OR: [
      { pane: 'owner', conversation: view.owner },
      { pane: 'slack' },
      ...(view.coordinatorId ? [{ pane: 'teams', conversation: view.coordinatorId }] : []),
    ],
  };
}

/** Per pane, the latest messages only: a long-running demo database stays quick to poll. */
const PANES = ['owner', 'slack', 'teams'] as const;

export function createPrismaPaneStore(prisma: PrismaClient): PaneStore {
  async function bump(id: string, replies: Reply[]): Promise<void> {
    await prisma.$executeRaw`UPDATE "web_message" SET replies = ${JSON.stringify(replies)}::jsonb,
      rev = nextval(pg_get_serial_sequence('web_message', 'rev')) WHERE id = ${id}`;
  }

  return {
    async append(m: NewPaneMessage) {
      const { count } = await prisma.webMessage.createMany({
        data: [{
          id: randomUUID(), pane: m.pane, conversation: m.conversation, caseId: m.caseId ?? null, threadOf: m.threadOf ?? null,
          author: m.author, authorName: m.authorName ?? null, replies: json(m.replies), dedupeKey: m.dedupeKey ?? null,
        }],
        skipDuplicates: true,
      });
      return count === 1;
    },
    async upsertRoot(caseId, channelId, replies) {
      // One case's Slack messages are delivered one at a time (one outbox order key), so
      // find-then-create cannot race with itself.
      const existing = await prisma.webMessage.findFirst({ where: { pane: 'slack', caseId, root: true } });
      if (existing) return bump(existing.id, replies);
      await prisma.webMessage.create({ data: { id: randomUUID(), pane: 'slack', conversation: channelId, caseId, root: true, author: 'bot', replies: json(replies) } });
    },
    async rootChannel(caseId) {
      const root = await prisma.webMessage.findFirst({ where: { pane: 'slack', caseId, root: true }, select: { conversation: true } });
      return root?.conversation ?? null;
    },
    replaceReplies: bump,
    async find(id) {
      const row = await prisma.webMessage.findUnique({ where: { id } });
      return row ? toMessage(row) : null;
    },
    async latestRev(view) {
      const agg = await prisma.webMessage.aggregate({ where: visible(view), _max: { rev: true } });
      return (agg._max.rev ?? 0n).toString();
    },
    async list(view, limit) {
      const where = visible(view).OR ?? [];
      const perPane = await Promise.all(PANES.map((pane) => {
        const filter = where.find((w) => w.pane === pane);
        if (!filter) return Promise.resolve([] as Row[]);
        return prisma.webMessage.findMany({ where: filter, orderBy: [{ createdAt: 'desc' }, { rev: 'desc' }], take: limit });
      }));
      return perPane.flatMap((rows) => rows.reverse().map(toMessage));
    },
  };
}

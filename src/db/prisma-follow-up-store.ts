import type { CheckInJob } from '../core/follow-up/plan.js';
import type { CaseFollowUps, Contribution, FollowUpRecord, Signal } from '../core/follow-up/ports.js';
import type { FollowUp, Prisma, PrismaClient } from './generated/client.js';

// Check-ins after a hire: the rows the hire writes, the owner's answers, and what the job queue
// has yet to be given.

type Db = Prisma.TransactionClient | PrismaClient;

const toRecord = (r: FollowUp): FollowUpRecord => ({
  caseId: r.caseId, day: r.day, dueAt: r.dueAt, state: r.state, askedAt: r.askedAt,
  contribution: r.contribution as Contribution | null, ownerWords: r.ownerWords, newIssue: r.newIssue, signal: r.signal as Signal | null,
});

export function caseFollowUps(db: Db): CaseFollowUps {
  return {
    async plan(caseId, checkIns: readonly CheckInJob[]) {
      await db.followUp.createMany({ data: checkIns.map((j) => ({ caseId, day: j.day, dueAt: j.runAt })), skipDuplicates: true });
    },
    async get(caseId, day) {
      const row = await db.followUp.findUnique({ where: { caseId_day: { caseId, day } } });
      return row ? toRecord(row) : null;
    },
    async list(caseId) {
      return (await db.followUp.findMany({ where: { caseId }, orderBy: { day: 'asc' } })).map(toRecord);
    },
    async awaitingAnswer(caseId) {
      const row = await db.followUp.findFirst({ where: { caseId, state: 'asked' }, orderBy: { day: 'desc' } });
      return row ? toRecord(row) : null;
    },
    async update(caseId, day, patch) {
      await db.followUp.update({ where: { caseId_day: { caseId, day } }, data: patch });
    },
  };
}

/** The check-ins whose job the queue has not accepted yet (a hire in another process, or a crash). */
export function createFollowUpJobSource(prisma: PrismaClient) {
  return {
    async unqueued(limit: number): Promise<FollowUpRecord[]> {
      const rows = await prisma.followUp.findMany({ where: { jobQueuedAt: null, state: 'scheduled' }, orderBy: { dueAt: 'asc' }, take: limit });
      return rows.map(toRecord);
    },
    async markQueued(caseId: string, day: number, at: Date): Promise<void> {
      await prisma.followUp.updateMany({ where: { caseId, day, jobQueuedAt: null }, data: { jobQueuedAt: at } });
    },
  };
}

export type FollowUpJobSource = ReturnType<typeof createFollowUpJobSource>;

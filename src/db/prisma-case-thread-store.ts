import type { CaseThreadStore } from '../core/notify/case-threads.js';
import type { PrismaClient } from './generated/client.js';

export function createPrismaCaseThreadStore(prisma: PrismaClient): CaseThreadStore {
  const select = { caseId: true, channelId: true, rootTs: true } as const;
  return {
    find: (caseId) => prisma.caseThread.findUnique({ where: { caseId }, select }),
    findByRoot: (channelId, rootTs) => prisma.caseThread.findFirst({ where: { channelId, rootTs }, select }),
    async save({ caseId, channelId, rootTs }) {
      await prisma.caseThread.upsert({ where: { caseId }, create: { caseId, channelId, rootTs }, update: { channelId, rootTs } });
    },
  };
}

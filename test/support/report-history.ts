import type { PrismaClient } from '../../src/db/generated/client.js';
import { mulberry32 } from '../../src/core/matching/random.js';

// Cases with a lifecycle history written straight to the tables, for the report's tests and
// its benchmark: each case goes some way along intake → drafted → in_review → approved →
// matching → introduced → hired → following_up, with days between steps from a seeded RNG.

const PATH = ['drafted', 'in_review', 'approved', 'matching', 'introduced', 'hired', 'following_up'] as const;
const DAY = 86_400_000;

export interface HistoryOptions {
  count: number;
  seed?: number;
  /** The first case opens on this day; the others follow, a few hours apart. */
  start: Date;
  organisationIds: string[];
  tag: string;
}

/** Returns how many cases reached each status, to check the report against. */
export async function seedReportHistory(prisma: PrismaClient, o: HistoryOptions): Promise<Record<string, number>> {
  const rand = mulberry32(o.seed ?? 1);
  const reached: Record<string, number> = {};
  const companies = [], owners = [], cases = [], audits = [];
  for (let i = 0; i < o.count; i++) {
    const id = `${o.tag}-${i}`;
    const opened = new Date(o.start.getTime() + i * 3 * 3_600_000);
    const steps = Math.floor(rand() * (PATH.length + 1));
    companies.push({ id: `co-${id}`, name: `株式会社テスト${i}`, industry: 'manufacturing', prefecture: '埼玉県' });
    owners.push({ id: `ow-${id}`, channel: 'bench', externalId: id, companyId: `co-${id}` });
    let at = opened.getTime();
    let from = 'intake';
    for (const to of PATH.slice(0, steps)) {
      at += Math.ceil(rand() * 10) * DAY;
      audits.push({ id: `au-${id}-${to}`, caseId: `C-${id}`, actorType: 'advisor', actorId: null, channel: 'bench', action: 'status_changed', fromStatus: from, toStatus: to, createdAt: new Date(at) });
      if (to === 'introduced') audits.push({ id: `au-${id}-meet`, caseId: `C-${id}`, actorType: 'coordinator', actorId: null, channel: 'bench', action: 'meeting_confirmed', detail: { candidateId: 'X' }, createdAt: new Date(at) });
      if (to === 'following_up') audits.push({ id: `au-${id}-fu`, caseId: `C-${id}`, actorType: 'advisor', actorId: null, channel: 'bench', action: 'follow_up_done', createdAt: new Date(at) });
      reached[to] = (reached[to] ?? 0) + 1;
      from = to;
    }
    cases.push({
      id: `C-${id}`, ownerId: `ow-${id}`, companyId: `co-${id}`, organisationId: o.organisationIds[i % o.organisationIds.length] ?? null,
      status: from as 'intake', dialogue: {}, createdAt: opened,
    });
  }
  await prisma.company.createMany({ data: companies });
  await prisma.owner.createMany({ data: owners });
  await prisma.case.createMany({ data: cases });
  for (let i = 0; i < audits.length; i += 2000) await prisma.auditEvent.createMany({ data: audits.slice(i, i + 2000) });
  return reached;
}

import type { LinkageRow } from '../core/report/handoff.js';
import type { PrismaClient } from './generated/client.js';

// Reads for the hand-off packet: every case with its company, holder and latest spec title.

export async function linkageRows(prisma: PrismaClient): Promise<LinkageRow[]> {
  const rows = await prisma.case.findMany({
    orderBy: { createdAt: 'asc' },
    include: { company: true, organisation: true, specDrafts: { orderBy: { version: 'desc' }, take: 1, select: { spec: true } } },
  });
  return rows.map((r) => ({
    caseId: r.id, companyName: r.company.name, industry: r.company.industry, prefecture: r.company.prefecture,
    need: (r.specDrafts[0]?.spec as { title?: string | null } | undefined)?.title ?? null,
    status: r.status, organisation: r.organisation?.name ?? null,
  }));
}

export async function holderOf(prisma: PrismaClient, caseId: string): Promise<string | null> {
  const row = await prisma.case.findUnique({ where: { id: caseId }, select: { organisation: { select: { name: true } } } });
  return row?.organisation?.name ?? null;
}

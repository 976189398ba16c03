import type { CaseFacts, DashboardScope, DashboardStore, StatusChange, TimelineEntry } from '../core/dashboard/ports.js';
import { SKILLS, type CaseStatus, type Skill } from '../core/vocab.js';
import type { Prisma, PrismaClient } from './generated/client.js';

// The dashboard's reads. A network is its organisations (organisation.network_id); its cases
// are those one of them holds or was handed. The default network (null) also sees cases that
// no organisation holds yet, as there is nowhere else they could be seen.

async function networkOrganisations(prisma: PrismaClient, scope: DashboardScope) {
  return prisma.organisation.findMany({ where: { networkId: scope.networkId }, orderBy: { name: 'asc' } });
}

function casesOf(orgIds: string[], scope: DashboardScope): Prisma.CaseWhereInput {
  return {
    OR: [
      { organisationId: { in: orgIds } },
      { shares: { some: { organisationId: { in: orgIds } } } },
      ...(scope.networkId === null ? [{ organisationId: null }] : []),
    ],
  };
}

function categoriesOf(issues: unknown): Skill[] {
  if (!Array.isArray(issues)) return [];
  const found = issues.map((i) => (i as { category?: unknown }).category).filter((c): c is Skill => (SKILLS as readonly unknown[]).includes(c));
  return [...new Set(found)];
}

export function createPrismaDashboardStore(prisma: PrismaClient): DashboardStore {
  return {
    async load(scope) {
      const organisations = await networkOrganisations(prisma, scope);
      const orgIds = organisations.map((o) => o.id);
      const rows = await prisma.case.findMany({ where: casesOf(orgIds, scope), include: { company: true, step1: true, organisation: true } });
      const ids = rows.map((r) => r.id);
      const [changes, lastAudit, advisors, shares] = await Promise.all([
        prisma.auditEvent.findMany({
          where: { caseId: { in: ids }, action: 'status_changed', toStatus: { not: null } },
          orderBy: { createdAt: 'asc' }, select: { caseId: true, createdAt: true, fromStatus: true, toStatus: true },
        }),
        prisma.auditEvent.groupBy({ by: ['caseId'], where: { caseId: { in: ids } }, _max: { createdAt: true } }),
        prisma.auditEvent.findMany({
          where: { caseId: { in: ids }, actorType: 'advisor', NOT: { action: { startsWith: 'refused_' } } }, distinct: ['actorId'], select: { actorId: true },
        }),
        prisma.caseShare.findMany({ where: { caseId: { in: ids }, organisationId: { in: orgIds } }, select: { organisationId: true }, distinct: ['organisationId'] }),
      ]);
      const lastAt = new Map(lastAudit.map((a) => [a.caseId, a._max.createdAt]));
      const cases: CaseFacts[] = rows.map((r) => {
        const audited = lastAt.get(r.id);
        return {
          id: r.id, status: r.status, createdAt: r.createdAt,
          lastActivityAt: audited && audited > r.updatedAt ? audited : r.updatedAt,
          organisationId: r.organisationId, organisationName: r.organisation?.name ?? null,
          companyName: r.company.name, industry: r.company.industry, prefecture: r.company.prefecture,
          categories: categoriesOf(r.step1?.issues),
        };
      });
      const statusChanges: StatusChange[] = changes.map((c) => ({
        caseId: c.caseId as string, at: c.createdAt, from: (c.fromStatus as CaseStatus | null) ?? null, to: c.toStatus as CaseStatus,
      }));
      return {
        organisations: organisations.map((o) => ({ id: o.id, name: o.name, isHub: o.isHub })),
        cases, changes: statusChanges, sharedWith: shares.map((s) => s.organisationId), activeAdvisors: advisors.length,
      };
    },
    async inScope(scope, caseId) {
      const orgIds = (await networkOrganisations(prisma, scope)).map((o) => o.id);
      return (await prisma.case.count({ where: { AND: [{ id: caseId }, casesOf(orgIds, scope)] } })) > 0;
    },
    async timeline(caseId): Promise<TimelineEntry[]> {
      const rows = await prisma.auditEvent.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' }, take: 500 });
      const memberIds = [...new Set(rows.filter((r) => r.actorType !== 'owner' && r.actorId).map((r) => r.actorId as string))];
      const members = await prisma.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, displayName: true } });
      const names = new Map(members.map((m) => [m.id, m.displayName]));
      return rows.map((r) => ({
        at: r.createdAt, action: r.action, actorType: r.actorType, channel: r.channel,
        actor: r.actorType === 'owner' ? '経営者' : r.actorId ? (names.get(r.actorId) ?? null) : null,
        fromStatus: r.fromStatus as CaseStatus | null, toStatus: r.toStatus as CaseStatus | null,
      }));
    },
  };
}

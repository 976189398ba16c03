import type { Decision } from '../core/notify/case-card.js';
import type { AuditedAct, CaseAccess, CaseQuery, CaseTransaction, MemberRecord, OrganisationRecord, WorkflowStore } from '../core/workflow/ports.js';
import { newId } from '../core/ids.js';
import type { Prisma, PrismaClient } from './generated/client.js';
import { loadNoticeTargets } from './notice-targets.js';
import { auditedFor, caseCandidates } from './prisma-candidate-store.js';
import { caseFollowUps } from './prisma-follow-up-store.js';
import { enqueueOutbound } from './prisma-outbox-store.js';
import { CASE_INCLUDE, saveSpec, toStoredCase, writeAudit } from './prisma-case-store.js';

type Tx = Prisma.TransactionClient;

/** Case id, company name, description or place, industry, or the title of any spec version. */
function matching(query: CaseQuery): Prisma.CaseWhereInput {
  const contains = { contains: query.text, mode: 'insensitive' as const };
  return {
    OR: [
      { id: { contains: query.text.toUpperCase() } },
      { company: { name: contains } },
      { company: { description: contains } },
      { company: { prefecture: contains } },
      ...(query.industries.length ? [{ company: { industry: { in: query.industries } } }] : []),
      { specDrafts: { some: { spec: { path: ['title'], string_contains: query.text } } } },
    ],
  };
}

async function loadAccess(tx: Tx, caseId: string): Promise<CaseAccess | null> {
  const row = await tx.case.findUnique({ where: { id: caseId }, include: { ...CASE_INCLUDE, shares: true } });
  if (!row) return null;
  return { ...toStoredCase(row), organisationId: row.organisationId, assigneeId: row.assigneeId, sharedWith: row.shares.map((s) => s.organisationId) };
}

async function lastDecision(tx: Tx, caseId: string): Promise<Decision | null> {
  const audit = await tx.auditEvent.findFirst({
    where: { caseId, action: { in: ['spec_approved', 'spec_returned'] } },
    orderBy: { createdAt: 'desc' },
  });
  if (!audit) return null;
  const member = audit.actorId ? await tx.member.findUnique({ where: { id: audit.actorId } }) : null;
  const detail = (audit.detail ?? {}) as { comment?: string | null };
  return {
    decision: audit.action === 'spec_approved' ? 'approved' : 'returned',
    by: member?.displayName ?? '（不明）', at: audit.createdAt, comment: detail.comment ?? null,
  };
}

async function lastAudit(tx: Tx, caseId: string, action: string, candidateId?: string): Promise<AuditedAct | null> {
  const audit = await tx.auditEvent.findFirst({
    where: { caseId, action, ...(candidateId ? { detail: { path: ['candidateId'], equals: candidateId } } : {}) },
    orderBy: { createdAt: 'desc' },
  });
  if (!audit) return null;
  const member = audit.actorId ? await tx.member.findUnique({ where: { id: audit.actorId } }) : null;
  const detail = audit.detail && typeof audit.detail === 'object' && !Array.isArray(audit.detail) ? (audit.detail as Record<string, unknown>) : {};
  return { by: member?.displayName ?? null, at: audit.createdAt, detail };
}

async function findOrganisation(db: Tx | PrismaClient, idOrName: string): Promise<OrganisationRecord | null> {
  const row = await db.organisation.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName }] } });
  return row ? { id: row.id, name: row.name, slackChannelId: row.slackChannelId } : null;
}

function caseTransaction(tx: Tx, access: CaseAccess): CaseTransaction {
  const caseId = access.id;
  return {
    case: access,
    setStatus: async (to) => void (await tx.case.update({ where: { id: caseId }, data: { status: to } })),
    setAssignee: async (memberId) => void (await tx.case.update({ where: { id: caseId }, data: { assigneeId: memberId } })),
    saveSpec: (spec, source, memberId) => saveSpec(tx, caseId, spec, source, memberId),
    async moveTo(organisationId, sharedBy) {
      const previous = access.organisationId;
      if (previous) {
        await tx.caseShare.upsert({
          where: { caseId_organisationId: { caseId, organisationId: previous } },
          create: { caseId, organisationId: previous, sharedBy }, update: {},
        });
      }
      await tx.case.update({ where: { id: caseId }, data: { organisationId } });
      access.organisationId = organisationId;
    },
    addComment: async (memberId, channel, text) => void (await tx.caseComment.create({ data: { id: newId(), caseId, memberId, channel, text } })),
    async comments() {
      const rows = await tx.caseComment.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' }, take: 20 });
      return rows.map((r) => r.text);
    },
    lastDecision: () => lastDecision(tx, caseId),
    audit: (event) => writeAudit(tx, event),
    noticeTargets: (enabled) => loadNoticeTargets(tx, caseId, enabled),
    enqueue: (messages) => enqueueOutbound(tx, messages),
    candidates: caseCandidates(tx),
    followUps: caseFollowUps(tx),
    audited: (action, candidateId) => auditedFor(tx, caseId, action, candidateId),
    lastAudit: (action, candidateId) => lastAudit(tx, caseId, action, candidateId),
  };
}

export function createPrismaWorkflowStore(prisma: PrismaClient): WorkflowStore {
  return {
    async findMember(identity): Promise<MemberRecord | null> {
      const row = await prisma.memberIdentity.findUnique({
        where: { channel_externalId: { channel: identity.channel, externalId: identity.externalId } },
        include: { member: { include: { organisation: true } } },
      });
      if (!row) return null;
      const m = row.member;
      return { id: m.id, displayName: m.displayName, role: m.role, organisationId: m.organisationId, organisationName: m.organisation.name, hub: m.organisation.isHub };
    },
    findOrganisation: (idOrName) => findOrganisation(prisma, idOrName),
    async listOrganisations() {
      const rows = await prisma.organisation.findMany({ orderBy: { name: 'asc' } });
      return rows.map((r) => ({ id: r.id, name: r.name, slackChannelId: r.slackChannelId }));
    },
    withCase(caseId, work) {
      return prisma.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "case" WHERE id = ${caseId} FOR UPDATE`;
        if (!locked.length) return null;
        const access = await loadAccess(tx, caseId);
        return access ? work(caseTransaction(tx, access)) : null;
      }, { maxWait: 10_000, timeout: 20_000 });
    },
    async casesFor(organisationId, limit, query) {
      const scope: Prisma.CaseWhereInput = organisationId ? { OR: [{ organisationId }, { shares: { some: { organisationId } } }] } : {};
      const where: Prisma.CaseWhereInput = query ? { AND: [scope, matching(query)] } : scope;
      const rows = await prisma.case.findMany({ where, orderBy: { updatedAt: 'desc' }, take: limit, include: { company: true } });
      return rows.map((r) => ({ id: r.id, status: r.status, companyName: r.company.name, industry: r.company.industry, prefecture: r.company.prefecture, updatedAt: r.updatedAt }));
    },
    async caseScope(caseId) {
      const row = await prisma.case.findUnique({ where: { id: caseId }, select: { organisationId: true, shares: { select: { organisationId: true } } } });
      return row ? { organisationId: row.organisationId, sharedWith: row.shares.map((s) => s.organisationId) } : null;
    },
  };
}

import { emptySpec, type CaseFields, type JobSpec } from '../core/case-sheet.js';
import type {
  AuditInput, CaseStore, CaseSummaryRow, InboundOutcome, OwnerRef, OwnerTransaction, StoredCase, TurnSave,
} from '../core/conversation/ports.js';
import type { LlmUsage } from '../core/llm/port.js';
import { summariseLlmCalls } from './llm-usage.js';
import type { InboundMessage } from '../core/conversation/inbound.js';
import { newCaseId, newId } from '../core/ids.js';
import type { DialogueState } from '../core/intake/state.js';
import { replyToPlainText, type Reply } from '../core/replies.js';
import type { Industry, Prefecture } from '../core/vocab.js';
import type { PrismaClient } from './generated/client.js';
import { loadNoticeTargets } from './notice-targets.js';
import { auditedFor, caseCandidates } from './prisma-candidate-store.js';
import { caseFollowUps } from './prisma-follow-up-store.js';
import { enqueueOutbound } from './prisma-outbox-store.js';
import type { Prisma } from './generated/client.js';

type Tx = Prisma.TransactionClient;

export const CASE_INCLUDE = {
  company: true,
  step1: true,
  step2: true,
  specDrafts: { orderBy: { version: 'desc' }, take: 1 },
} as const;

export type CaseRow = Prisma.CaseGetPayload<{ include: typeof CASE_INCLUDE }>;

/** Rebuilds the core's view of a case from its tables; the JSON columns were written by us. */
export function toStoredCase(row: CaseRow): StoredCase {
  const fields: CaseFields = {
    company: {
      name: row.company.name,
      industry: row.company.industry as Industry | null,
      prefecture: row.company.prefecture as Prefecture | null,
      employees: row.company.employees,
      description: row.company.description,
    },
    step1: {
      vision: row.step1?.vision ?? null,
      issues: (row.step1?.issues ?? []) as CaseFields['step1']['issues'],
      talentIssues: (row.step1?.talentIssues ?? []) as string[],
    },
    step2: {
      direction: (row.step2?.direction ?? null) as CaseFields['step2']['direction'],
      spec: (row.specDrafts[0]?.spec as JobSpec | undefined) ?? emptySpec(),
    },
  };
  return {
    id: row.id, status: row.status, ownerId: row.ownerId, fields,
    dialogue: row.dialogue as unknown as DialogueState,
    lastActivityAt: row.updatedAt, createdAt: row.createdAt,
  };
}

const json = (value: unknown): Prisma.InputJsonValue => value as Prisma.InputJsonValue;

export async function loadCase(db: Tx | PrismaClient, id: string): Promise<StoredCase | null> {
  const row = await db.case.findUnique({ where: { id }, include: CASE_INCLUDE });
  return row ? toStoredCase(row) : null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Writes the parts of the fields that differ from `before` (all of them for a new case). */
async function saveFields(tx: Tx, caseId: string, companyId: string, fields: CaseFields, before?: CaseFields): Promise<void> {
  if (!before || !same(before.company, fields.company)) await tx.company.update({ where: { id: companyId }, data: fields.company });
  if (!before || !same(before.step1, fields.step1)) {
    const step1 = { vision: fields.step1.vision, issues: json(fields.step1.issues), talentIssues: json(fields.step1.talentIssues) };
    await tx.step1Finding.upsert({ where: { caseId }, create: { caseId, ...step1 }, update: step1 });
  }
  if (!before || before.step2.direction !== fields.step2.direction) {
    const step2 = { direction: fields.step2.direction };
    await tx.step2Strategy.upsert({ where: { caseId }, create: { caseId, ...step2 }, update: step2 });
  }
}

/** A new spec version only when the spec actually changed. */
export async function saveSpec(tx: Tx, caseId: string, spec: JobSpec, source: string, createdBy: string | null): Promise<void> {
  const latest = await tx.jobSpecDraft.findFirst({ where: { caseId }, orderBy: { version: 'desc' } });
  if (latest && JSON.stringify(latest.spec) === JSON.stringify(spec)) return;
  if (!latest && JSON.stringify(spec) === JSON.stringify(emptySpec())) return;
  await tx.jobSpecDraft.create({
    data: { id: newId(), caseId, version: (latest?.version ?? 0) + 1, spec: json(spec), source, createdBy },
  });
}

function ownerTransaction(tx: Tx, ownerId: string, companyId: string | null): OwnerTransaction {
  let company = companyId;
  return {
    ownerId,
    async latestCase() {
      const row = await tx.case.findFirst({ where: { ownerId }, orderBy: { createdAt: 'desc' }, include: CASE_INCLUDE });
      return row ? toStoredCase(row) : null;
    },
    async createCase(fields, dialogue) {
      if (!company) {
        company = newId();
        await tx.company.create({ data: { id: company } });
        await tx.owner.update({ where: { id: ownerId }, data: { companyId: company } });
      }
      const id = newCaseId();
      // New cases go to the network's intake desk until an advisor hands them on.
      const desk = await tx.organisation.findFirst({ where: { isDefault: true }, orderBy: { createdAt: 'asc' } });
      await tx.case.create({ data: { id, ownerId, companyId: company, organisationId: desk?.id ?? null, dialogue: json(dialogue) } });
      await saveFields(tx, id, company, fields);
      await saveSpec(tx, id, fields.step2.spec, 'owner', ownerId);
      return (await loadCase(tx, id)) as StoredCase;
    },
    async saveTurn(existing: StoredCase, next: TurnSave) {
      const row = await tx.case.update({ where: { id: existing.id }, data: { status: next.status, dialogue: json(next.dialogue) } });
      await saveFields(tx, existing.id, row.companyId, next.fields, existing.fields);
      if (!same(existing.fields.step2.spec, next.fields.step2.spec)) await saveSpec(tx, existing.id, next.fields.step2.spec, next.specSource, ownerId);
    },
    audit: (event) => writeAudit(tx, event),
    async recordOutbound(caseId: string | null, channel: string, replies: Reply[]) {
      if (!replies.length) return;
      await tx.messageLog.createMany({
        data: replies.map((reply) => ({
          id: newId(), channel, eventId: `out:${newId()}`, direction: 'outbound' as const, senderId: null,
          caseId, kind: reply.type, text: replyToPlainText(reply), state: 'processed' as const,
        })),
      });
    },
    async finishInbound(messageId: string, outcome: InboundOutcome, caseId: string | null) {
      await tx.messageLog.update({ where: { id: messageId }, data: { state: outcome, caseId, processedAt: new Date() } });
    },
    async stillPending(messageId: string) {
      const rows = await tx.$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM "message_log" WHERE id = ${messageId} FOR UPDATE`;
      return rows[0]?.state === 'received' || rows[0]?.state === 'failed';
    },
    noticeTargets: (caseId, enabled) => loadNoticeTargets(tx, caseId, enabled),
    enqueue: (messages) => enqueueOutbound(tx, messages),
    recordLlmCalls: (caseId, calls) => writeLlmCalls(tx, caseId, calls),
    candidates: caseCandidates(tx),
    followUps: caseFollowUps(tx),
    audited: (caseId, action, candidateId) => auditedFor(tx, caseId, action, candidateId),
  };
}

async function writeLlmCalls(db: Tx | PrismaClient, caseId: string | null, calls: LlmUsage[]): Promise<void> {
  if (!calls.length) return;
  await db.llmCall.createMany({
    data: calls.map((c) => ({
      id: newId(), caseId, task: c.task, provider: c.provider, model: c.model, promptVersion: c.promptVersion,
      inputTokens: c.inputTokens, outputTokens: c.outputTokens, latencyMs: c.latencyMs, outcome: c.outcome,
      reason: c.reason ?? null, filled: json(c.filled),
    })),
  });
}

export async function writeAudit(db: Tx | PrismaClient, e: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      id: newId(), caseId: e.caseId, actorType: e.actorType, actorId: e.actorId, channel: e.channel,
      action: e.action, fromStatus: e.fromStatus ?? null, toStatus: e.toStatus ?? null,
      ...(e.detail ? { detail: json(e.detail) } : {}),
    },
  });
}

export function createPrismaCaseStore(prisma: PrismaClient): CaseStore {
  return {
    async recordInbound(message: InboundMessage) {
      const id = newId();
      // ON CONFLICT DO NOTHING: a redelivered event is detected without relying on error shapes.
      const { count } = await prisma.messageLog.createMany({
        data: [{
          id, channel: message.channel, eventId: message.eventId, direction: 'inbound', senderId: message.sender.externalId,
          kind: message.kind, text: message.text, receivedAt: message.receivedAt,
        }],
        skipDuplicates: true,
      });
      return { messageId: id, duplicate: count === 0 };
    },
    async finishInbound(messageId, outcome, error) {
      await prisma.messageLog.update({ where: { id: messageId }, data: { state: outcome, error: error ?? null, processedAt: new Date() } });
    },
    withOwner(owner: OwnerRef, work) {
      return prisma.$transaction(async (tx) => {
        const row = await tx.owner.upsert({
          where: { channel_externalId: { channel: owner.channel, externalId: owner.externalId } },
          create: { id: newId(), channel: owner.channel, externalId: owner.externalId, displayName: owner.displayName ?? null },
          update: {},
        });
        // Row lock: one owner's turns run one after another, in arrival order.
        await tx.$queryRaw`SELECT id FROM "owner" WHERE id = ${row.id} FOR UPDATE`;
        return work(ownerTransaction(tx, row.id, row.companyId));
      }, { maxWait: 10_000, timeout: 20_000 });
    },
    getCase: (caseId) => loadCase(prisma, caseId),
    async unprocessedInbound(channel, olderThanMs) {
      const rows = await prisma.messageLog.findMany({
        where: { channel, direction: 'inbound', state: 'received', receivedAt: { lt: new Date(Date.now() - olderThanMs) } },
        orderBy: { receivedAt: 'asc' }, take: 500,
      });
      return rows.map((r) => ({
        messageId: r.id,
        message: {
          channel: r.channel, eventId: r.eventId, sender: { externalId: r.senderId ?? '' }, kind: r.kind as InboundMessage['kind'],
          text: r.text, receivedAt: r.receivedAt,
        },
      }));
    },
    async setOwnerActive(owner, active) {
      await prisma.owner.upsert({
        where: { channel_externalId: { channel: owner.channel, externalId: owner.externalId } },
        create: { id: newId(), channel: owner.channel, externalId: owner.externalId, displayName: owner.displayName ?? null, active },
        update: { active },
      });
    },
    async peekOwnerCase(owner: OwnerRef) {
      const row = await prisma.case.findFirst({
        where: { owner: { channel: owner.channel, externalId: owner.externalId } },
        orderBy: { createdAt: 'desc' },
        include: CASE_INCLUDE,
      });
      return row ? toStoredCase(row) : null;
    },
    recordLlmCalls: (caseId, calls) => writeLlmCalls(prisma, caseId, calls),
    async llmUsage(caseId: string) {
      const rows = await prisma.llmCall.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
      return summariseLlmCalls(rows);
    },
    async listCases(limit: number): Promise<CaseSummaryRow[]> {
      const rows = await prisma.case.findMany({ orderBy: { updatedAt: 'desc' }, take: limit, include: { company: true } });
      return rows.map((r) => ({
        id: r.id, status: r.status, companyName: r.company.name, industry: r.company.industry,
        prefecture: r.company.prefecture, updatedAt: r.updatedAt,
      }));
    },
  };
}

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { INTAKE_TO_DRAFT, seedNetwork, type TestNetwork } from '../../../test/support/network.js';
import { createOwnerConversation } from '../conversation/owner-conversation.js';
import { offlineEngine } from '../intake/offline.js';
import { createPrismaCaseStore } from '../../db/prisma-case-store.js';
import { createPrismaWorkflowStore } from '../../db/prisma-workflow-store.js';
import { createWorkflow } from './member-actions.js';

// Advisors' and coordinators' actions on a real database: access by organisation, the
// allowed transitions only, idempotent decisions, and an audit row for every attempt.

let db: TestDatabase;
let net: TestNetwork;
const log = pino({ level: 'silent' });
const enabled = new Set(['slack', 'teams']);
let owners: ReturnType<typeof createOwnerConversation>;
let workflow: ReturnType<typeof createWorkflow>;

beforeAll(async () => {
  db = await createTestDatabase();
  net = await seedNetwork(db.prisma);
  const engine = offlineEngine();
  owners = createOwnerConversation({ store: createPrismaCaseStore(db.prisma), engine, log, enabled });
  workflow = createWorkflow({ store: createPrismaWorkflowStore(db.prisma), content: engine.content, enabled, log });
});
afterAll(async () => db?.close());

async function draftedCase(lines = INTAKE_TO_DRAFT): Promise<string> {
  const owner = randomUUID();
  let caseId = '';
  for (const [i, text] of lines.entries()) {
    const r = await owners.handle({ channel: 'test', eventId: `${owner}:${i}`, sender: { externalId: owner }, kind: 'text', text, receivedAt: new Date() });
    caseId = r.caseId ?? caseId;
  }
  return caseId;
}

const slack = (externalId: string) => ({ channel: 'slack', externalId });
const teams = (externalId: string) => ({ channel: 'teams', externalId });
const status = async (id: string) => (await db.prisma.case.findUniqueOrThrow({ where: { id } })).status;
const audits = (caseId: string, action: string) => db.prisma.auditEvent.count({ where: { caseId, action } });
const outbox = (caseId: string, channel: string) => db.prisma.outbox.count({ where: { caseId, channel } });

describe('member actions', () => {
  it('puts a new case on the intake desk and tells its Slack channel', async () => {
    const id = await draftedCase();
    const row = await db.prisma.case.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organisationId: net.desk, status: 'drafted' });
    expect(await outbox(id, 'slack')).toBeGreaterThan(0);
  });

  it('takes a case, and refuses advisors of other organisations and strangers, auditing both', async () => {
    const id = await draftedCase();
    expect((await workflow.act(slack(net.advisor.slack), id, { type: 'take' })).outcome).toBe('done');
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(net.advisor.id);
    const other = await workflow.act(slack(net.bankAdvisor.slack), id, { type: 'take' });
    expect(other).toMatchObject({ outcome: 'refused', message: expect.stringContaining('権限') });
    const stranger = await workflow.act(slack('U-NOBODY'), id, { type: 'take' });
    expect(stranger.message).toContain('登録されていない');
    expect(await audits(id, 'refused_take')).toBe(2);
  });

  it('moves drafted → in_review → approved once, refusing what the lifecycle does not allow', async () => {
    const id = await draftedCase();
    const early = await workflow.act(teams(net.coordinator.teams), id, { type: 'decide', decision: 'approve', comment: null });
    expect(early.outcome).toBe('refused');
    expect(await status(id)).toBe('drafted');

    expect((await workflow.act(slack(net.advisor.slack), id, { type: 'send_for_approval', comment: 'ISO経験者を優先で' })).outcome).toBe('done');
    expect(await status(id)).toBe('in_review');
    expect(await outbox(id, 'teams')).toBe(1);

    const byAdvisor = await workflow.act(slack(net.advisor.slack), id, { type: 'decide', decision: 'approve', comment: null });
    expect(byAdvisor.message).toContain('コーディネーター');
    expect(await audits(id, 'refused_decide')).toBe(2);

    const first = await workflow.act(teams(net.coordinator.teams), id, { type: 'decide', decision: 'approve', comment: null });
    expect(first.outcome).toBe('done');
    expect(first.card?.sections[0]?.lines[0]).toContain('高橋 さんが');
    expect(first.card?.actions).toEqual([]);
    const again = await workflow.act(teams(net.coordinator.teams), id, { type: 'decide', decision: 'approve', comment: null });
    expect(again.outcome).toBe('unchanged');
    expect(await status(id)).toBe('approved');
    expect(await audits(id, 'spec_approved')).toBe(1);
    const changes = await db.prisma.auditEvent.findMany({ where: { caseId: id, action: 'status_changed' }, orderBy: { createdAt: 'asc' } });
    expect(changes.map((c) => `${c.fromStatus}>${c.toStatus}`)).toEqual(['intake>drafted', 'drafted>in_review', 'in_review>approved']);
  });

  it('asks for a reason before returning a draft', async () => {
    const id = await draftedCase();
    await workflow.act(slack(net.advisor.slack), id, { type: 'send_for_approval', comment: null });
    expect((await workflow.act(teams(net.coordinator.teams), id, { type: 'decide', decision: 'return', comment: null })).outcome).toBe('refused');
    const r = await workflow.act(teams(net.coordinator.teams), id, { type: 'decide', decision: 'return', comment: '予算の根拠を追記してください' });
    expect(r.outcome).toBe('done');
    expect(await status(id)).toBe('returned');
    expect((await workflow.act(slack(net.advisor.slack), id, { type: 'send_for_approval', comment: '追記しました' })).outcome).toBe('done');
  });

  it('hands a case over; the new organisation works it and the old one still sees it', async () => {
    const id = await draftedCase();
    const r = await workflow.act(slack(net.advisor.slack), id, { type: 'hand_over', to: net.bank, note: '融資と合わせて相談' });
    expect(r.outcome).toBe('done');
    expect((await workflow.act(slack(net.bankAdvisor.slack), id, { type: 'take' })).outcome).toBe('done');
    const store = createPrismaWorkflowStore(db.prisma);
    expect((await store.casesFor(net.desk, 100)).map((c) => c.id)).toContain(id);
    expect((await store.casesFor(net.bank, 100)).map((c) => c.id)).toContain(id);
  });

  it('saves an advisor edit as a new spec version marked as theirs', async () => {
    const id = await draftedCase();
    await workflow.act(slack(net.advisor.slack), id, { type: 'edit_spec', patch: { monthlyBudgetYen: 180000 } });
    const latest = await db.prisma.jobSpecDraft.findFirstOrThrow({ where: { caseId: id }, orderBy: { version: 'desc' } });
    expect(latest).toMatchObject({ source: 'advisor', createdBy: net.advisor.id });
    expect((latest.spec as { monthlyBudgetYen: number }).monthlyBudgetYen).toBe(180000);
  });

  it('says when a case does not exist', async () => {
    expect((await workflow.act(slack(net.advisor.slack), 'C-NOPE0000', { type: 'take' })).outcome).toBe('not_found');
  });
});

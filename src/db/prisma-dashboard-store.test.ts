import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.js';
import { INTAKE_TO_DRAFT, seedNetwork, type TestNetwork } from '../../test/support/network.js';
import { createOwnerConversation } from '../core/conversation/owner-conversation.js';
import { figures, funnel } from '../core/dashboard/aggregate.js';
import { offlineEngine } from '../core/intake/offline.js';
import { createWorkflow } from '../core/workflow/member-actions.js';
import { createPrismaCaseStore } from './prisma-case-store.js';
import { createPrismaDashboardStore } from './prisma-dashboard-store.js';
import { createPrismaWorkflowStore } from './prisma-workflow-store.js';

// The dashboard's reads on a real database: a network sees the cases its organisations hold
// or were handed, and nothing of another network's.

let db: TestDatabase;
let net: TestNetwork;
let approved: string;
let handed: string;
let idle: string;
const log = pino({ level: 'silent' });
const A = { networkId: 'net-a' };
const B = { networkId: 'net-b' };

beforeAll(async () => {
  db = await createTestDatabase();
  net = await seedNetwork(db.prisma);
  await db.prisma.organisation.updateMany({ where: { id: { in: [net.desk, net.bank, net.hub] } }, data: { networkId: 'net-a' } });
  await db.prisma.organisation.createMany({ data: [
    { id: 'b-desk', name: '長岡商工会議所', kind: 'cci', networkId: 'net-b' },
    { id: 'b-hub', name: '新潟県プロ人材拠点', kind: 'hub', isHub: true, networkId: 'net-b' },
  ] });
  const engine = offlineEngine();
  const enabled = new Set(['slack', 'teams']);
  const owners = createOwnerConversation({ store: createPrismaCaseStore(db.prisma), engine, log, enabled });
  const workflow = createWorkflow({ store: createPrismaWorkflowStore(db.prisma), content: engine.content, enabled, log });
  const draft = async (lines: string[]) => {
    const owner = randomUUID();
    let id = '';
    for (const [i, text] of lines.entries()) id = (await owners.handle({ channel: 'test', eventId: `${owner}:${i}`, sender: { externalId: owner }, kind: 'text', text, receivedAt: new Date() })).caseId ?? id;
    return id;
  };
  approved = await draft(INTAKE_TO_DRAFT);
  await workflow.act({ channel: 'slack', externalId: net.advisor.slack }, approved, { type: 'send_for_approval', comment: null });
  await workflow.act({ channel: 'teams', externalId: net.coordinator.teams }, approved, { type: 'decide', decision: 'approve', comment: null });
  handed = await draft(INTAKE_TO_DRAFT);
  await workflow.act({ channel: 'slack', externalId: net.advisor.slack }, handed, { type: 'hand_over', to: 'b-desk', note: null });
  idle = await draft(INTAKE_TO_DRAFT.slice(0, 2));
});
afterAll(async () => db?.close());

describe('dashboard store', () => {
  const store = () => createPrismaDashboardStore(db.prisma);

  it('loads the cases a network holds or handed on, with their status changes and categories', async () => {
    const data = await store().load(A);
    expect(data.cases.map((c) => c.id).sort()).toEqual([approved, handed, idle].sort());
    expect(data.cases.find((c) => c.id === approved)?.categories).toContain('quality');
    expect(data.changes.filter((c) => c.caseId === approved).map((c) => c.to)).toEqual(['drafted', 'in_review', 'approved']);
    const stages = Object.fromEntries(funnel(data.cases, data.changes).map((s) => [s.status, s.reached]));
    expect(stages).toMatchObject({ intake: 3, drafted: 2, in_review: 1, approved: 1 });
    expect(figures(data)).toMatchObject({ organisations: 2, activeOrganisations: 1, casesOpened: 3, specsApproved: 1, activeAdvisors: 1 });
  });

  it('shows another network only the case handed to it', async () => {
    const data = await store().load(B);
    expect(data.cases.map((c) => c.id)).toEqual([handed]);
    expect(data.cases[0]?.organisationName).toBe('長岡商工会議所');
    expect(await store().inScope(B, approved)).toBe(false);
    expect(await store().inScope(B, handed)).toBe(true);
    expect(await store().inScope(A, handed)).toBe(true);
  });

  it('keeps the default network (null) to organisations without a network', async () => {
    expect((await store().load({ networkId: null })).cases).toEqual([]);
  });

  it('tells the case history with who did what', async () => {
    const timeline = await store().timeline(approved);
    const decided = timeline.find((e) => e.action === 'spec_approved');
    expect(decided).toMatchObject({ actor: '高橋', channel: 'teams' });
    expect(timeline.find((e) => e.action === 'status_changed' && e.toStatus === 'drafted')?.actor).toBe('経営者');
  });
});

import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNetwork, type TestNetwork } from '../../../test/support/network.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { caseFollowUps } from '../../db/prisma-follow-up-store.js';
import { createPrismaCaseStore } from '../../db/prisma-case-store.js';
import { createPrismaWorkflowStore } from '../../db/prisma-workflow-store.js';
import { emptyFields } from '../case-sheet.js';
import { createOwnerConversation } from '../conversation/owner-conversation.js';
import { offlineEngine } from '../intake/offline.js';
import { initialDialogue } from '../intake/state.js';
import { createCheckInRunner, type CheckInRunner } from './check-in-runner.js';
import { loadCheckInContent } from './content.js';
import { planCheckIns } from './plan.js';

// Check-ins on a real database: the job's delivery asks the owner once, the owner's two answers
// reach the advisor's thread, trouble raises a warning, a new need offers a new consultation,
// and a closed case is skipped. The job queue itself is exercised in test/e2e/follow-up-jobs.

let db: TestDatabase;
let net: TestNetwork;
let runner: CheckInRunner;
let owners: ReturnType<typeof createOwnerConversation>;
const log = pino({ level: 'silent' });
const enabled = new Set(['line', 'slack', 'teams']);

beforeAll(async () => {
  db = await createTestDatabase();
  net = await seedNetwork(db.prisma);
  const engine = offlineEngine();
  const store = createPrismaCaseStore(db.prisma);
  owners = createOwnerConversation({ store, engine, log, enabled });
  runner = createCheckInRunner({ store: createPrismaWorkflowStore(db.prisma), content: engine.content, checkIn: loadCheckInContent(), enabled, log });
});
afterAll(async () => db?.close());

/** A LINE owner whose case was hired at `hiredAt`, with the three check-ins planned. */
async function hiredCase(hiredAt = new Date()) {
  const owner = `U${randomUUID().replaceAll('-', '')}`;
  const store = createPrismaCaseStore(db.prisma);
  const { id } = await store.withOwner({ channel: 'line', externalId: owner }, (tx) =>
    tx.createCase({ ...emptyFields(), company: { ...emptyFields().company, name: '株式会社テスト' } }, { ...initialDialogue(), phase: 'done' }));
  await db.prisma.case.update({ where: { id }, data: { status: 'hired', organisationId: net.desk, assigneeId: net.advisor.id } });
  await caseFollowUps(db.prisma).plan(id, planCheckIns(id, hiredAt, [30, 90, 180]));
  let n = 0;
  const say = (text: string) => owners.handle({ channel: 'line', eventId: `${owner}:${n++}`, sender: { externalId: owner }, kind: 'text', text, receivedAt: new Date() });
  return { caseId: id, owner, say };
}

const outbox = async (caseId: string, channel: string) =>
  JSON.stringify(await db.prisma.outbox.findMany({ where: { caseId, channel }, orderBy: { seq: 'asc' }, select: { payload: true } }));
const followUp = (caseId: string, day: number) => db.prisma.followUp.findUniqueOrThrow({ where: { caseId_day: { caseId, day } } });
const audits = (caseId: string, action: string) => db.prisma.auditEvent.findMany({ where: { caseId, action } });

describe('a check-in falling due', () => {
  it('asks the owner once, however often the job is delivered, and moves the case to following_up', async () => {
    const { caseId } = await hiredCase();
    expect(await Promise.all([runner.due(caseId, 30), runner.due(caseId, 30)])).toEqual(expect.arrayContaining(['asked', 'already']));
    expect(await runner.due(caseId, 30)).toBe('already');
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('following_up');
    expect((await outbox(caseId, 'line')).match(/採用から30日が経ちました/gu)).toHaveLength(1);
    expect(await outbox(caseId, 'slack')).toContain('経営者に LINE でご様子を伺っています');
    expect(await audits(caseId, 'follow_up_asked')).toHaveLength(1);
    expect(await audits(caseId, 'status_changed')).toMatchObject([{ fromStatus: 'hired', toStatus: 'following_up', actorType: 'system', channel: 'scheduler' }]);
    expect(await runner.due(caseId, 45)).toBe('not_planned');
  });

  it('skips a case closed meanwhile, on the record', async () => {
    const { caseId } = await hiredCase();
    await db.prisma.case.update({ where: { id: caseId }, data: { status: 'closed' } });
    expect(await runner.due(caseId, 30)).toBe('skipped');
    expect((await followUp(caseId, 30)).state).toBe('skipped');
    expect(await audits(caseId, 'follow_up_skipped')).toMatchObject([{ detail: { day: 30, status: 'closed' } }]);
    expect(await outbox(caseId, 'line')).toBe('[]');
  });
});

describe('the owner answering', () => {
  it('two answers complete the check-in and summarise it in the advisor thread', async () => {
    const { caseId, say } = await hiredCase();
    await runner.due(caseId, 30);
    const first = await say('順調です');
    expect(JSON.stringify(first.replies)).toContain('新しく困っていること');
    const second = await say('特にありません');
    expect(JSON.stringify(second.replies)).toContain('次は採用から90日目ごろ');
    expect(await followUp(caseId, 30)).toMatchObject({ state: 'answered', contribution: 'good', signal: 'ok', newIssue: null });
    const slack = await outbox(caseId, 'slack');
    expect(slack).toContain('【30日目フォローアップ：順調】');
    expect(slack).not.toContain('⚠️');
    expect(await audits(caseId, 'follow_up_done')).toMatchObject([{ actorType: 'owner', detail: { day: 30, signal: 'ok', by: 'owner' } }]);
    // Once answered, the owner's messages go back to the advisor as before.
    expect(JSON.stringify((await say('ありがとうございました')).replies)).not.toContain('次は採用から');
  });

  it('warns the advisor when the answer signals trouble', async () => {
    const { caseId, say } = await hiredCase();
    await runner.due(caseId, 30);
    await say('実は来月で辞めたいと言われて困っています');
    await say('特にないです');
    expect(await followUp(caseId, 30)).toMatchObject({ contribution: 'unclear', signal: 'trouble' });
    const slack = await outbox(caseId, 'slack');
    expect(slack).toContain('⚠️ 要対応');
    expect(slack).toContain('佐藤 さん、経営者の回答に気がかりな点があります');
    expect(slack).toContain('辞めたい');
  });

  it('offers a new consultation for a new need, and 「新しい相談」 opens one', async () => {
    const { caseId, say } = await hiredCase();
    await runner.due(caseId, 30);
    await say('順調です');
    const done = await say('今度は営業を任せられる人が欲しい');
    expect(done.replies.at(-1)).toMatchObject({ type: 'choices', choices: [{ label: '新しい相談をはじめる', value: '新しい相談' }] });
    expect(await followUp(caseId, 30)).toMatchObject({ signal: 'new_need', newIssue: '今度は営業を任せられる人が欲しい' });
    expect(await outbox(caseId, 'slack')).toContain('新しい課題：今度は営業を任せられる人が欲しい');
    const opened = await say('新しい相談');
    expect(opened.caseId).not.toBe(caseId);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: opened.caseId! } })).status).toBe('intake');
  });

  it('leaves an unanswered check-in on record when the next one falls due', async () => {
    const { caseId, say } = await hiredCase();
    await runner.due(caseId, 30);
    await runner.due(caseId, 90);
    expect((await followUp(caseId, 30)).state).toBe('unanswered');
    expect(await outbox(caseId, 'slack')).toContain('30日目の問いかけには、経営者からの回答がありませんでした');
    expect((await followUp(caseId, 90)).state).toBe('asked');
    await say('順調です');
    expect((await followUp(caseId, 90)).contribution).toBe('good');
  });
});

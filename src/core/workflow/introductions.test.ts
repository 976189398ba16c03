import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { INTAKE_TO_DRAFT, seedNetwork, type TestNetwork } from '../../../test/support/network.js';
import { createOwnerConversation } from '../conversation/owner-conversation.js';
import { offlineEngine } from '../intake/offline.js';
import { createPrismaCandidateStore } from '../../db/prisma-candidate-store.js';
import { createPrismaCaseStore } from '../../db/prisma-case-store.js';
import { createPrismaWorkflowStore } from '../../db/prisma-workflow-store.js';
import type { CandidateRecord } from '../matching/candidate.js';
import { createShortlistService, type ShortlistService } from '../matching/shortlist.js';
import type { CardReply } from '../replies.js';
import { createWorkflow } from './member-actions.js';
import { jobOfferMarkdown } from '../report/handoff.js';
import { buildJobOffer } from '../report/job-offer.js';
import { toCaseSheet } from '../sheet.js';

// STEP 3 on a real database: the coordinator chooses whom to introduce, the owner answers on
// their messenger, and names and contacts go out only when a meeting is confirmed, audited.

let db: TestDatabase;
let net: TestNetwork;
let shortlists: ShortlistService;
const log = pino({ level: 'silent' });
const enabled = new Set(['slack', 'teams', 'line']);
let owners: ReturnType<typeof createOwnerConversation>;
let workflow: ReturnType<typeof createWorkflow>;

const person = (n: number): CandidateRecord => ({
  profile: {
    id: `ISO-${n}`, kind: 'senior', prefecture: '埼玉県', remoteOk: true, daysPerWeek: 2, workStyles: ['side_job', 'advisory', 'concurrent'],
    skillCategories: ['quality', 'production'], industries: ['manufacturing'], monthlyFeeMinYen: 80000,
    headline: `元電機メーカー品質保証課長${n}`, summary: 'ISO9001の認証取得を指導しました。めっき工程の品質管理も経験しています。',
  },
  personal: { name: `秘密 ${n}郎`, email: `secret${n}@example.jp`, age: 60 + n },
});

beforeAll(async () => {
  db = await createTestDatabase();
  net = await seedNetwork(db.prisma);
  const engine = offlineEngine();
  const store = createPrismaCaseStore(db.prisma);
  const candidates = createPrismaCandidateStore(db.prisma);
  await candidates.upsertMany([1, 2, 3, 4, 5, 6, 7, 8].map(person));
  shortlists = createShortlistService({ cases: store, candidates });
  owners = createOwnerConversation({ store, engine, log, enabled });
  workflow = createWorkflow({ store: createPrismaWorkflowStore(db.prisma), content: engine.content, enabled, log, shortlists });
});
afterAll(async () => db?.close());

const slack = (externalId: string) => ({ channel: 'slack', externalId });
const teams = (externalId: string) => ({ channel: 'teams', externalId });
const status = async (id: string) => (await db.prisma.case.findUniqueOrThrow({ where: { id } })).status;
const audits = (caseId: string, action: string) => db.prisma.auditEvent.findMany({ where: { caseId, action } });
const sent = (caseId: string, channel?: string) => db.prisma.outbox.findMany({ where: { caseId, ...(channel ? { channel } : {}) }, select: { channel: true, address: true, payload: true }, orderBy: { seq: 'asc' } });
const outboxText = async (caseId: string, channel?: string) => JSON.stringify(await sent(caseId, channel));

/** An owner on LINE whose spec is approved; returns the case and a way to write as the owner. */
async function approvedCase() {
  const owner = `U${randomUUID().replaceAll('-', '')}`;
  let n = 0;
  const say = (text: string) => owners.handle({ channel: 'line', eventId: `${owner}:${n++}`, sender: { externalId: owner }, kind: 'text', text, receivedAt: new Date() });
  let caseId = '';
  for (const text of INTAKE_TO_DRAFT) caseId = (await say(text)).caseId ?? caseId;
  await workflow.act(slack(net.advisor.slack), caseId, { type: 'take' });
  await workflow.act(slack(net.advisor.slack), caseId, { type: 'send_for_approval', comment: null });
  await workflow.act(teams(net.coordinator.teams), caseId, { type: 'decide', decision: 'approve', comment: null });
  const list = await shortlists.shortlistForCase(caseId, 5);
  return { caseId, say, ids: list.proposals.map((p) => p.candidateId) };
}

describe('introductions', () => {
  it('releases names and contacts only when the coordinator confirms a meeting, and audits the release', async () => {
    const { caseId, say, ids } = await approvedCase();
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const chosen = ids.slice(0, 3);
    // Approval already sent the coordinators the ranked shortlist to choose from, without personal data.
    const [offered] = (await sent(caseId, 'teams')).flatMap((o) => (o.payload as { replies: CardReply[] }).replies).filter((c) => c.kind === 'shortlist');
    expect(offered?.pick).toMatchObject({ id: 'candidateIds', min: 2, max: 3 });
    // (approvedCase ranked again for the top 5, after approval offered the top 10)
    expect(offered?.pick?.options.map((o) => o.value).slice(0, ids.length)).toEqual(ids);
    expect(offered?.actions).toEqual([{ label: '紹介を承認', value: `approve_shortlist:${caseId}` }]);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(JSON.stringify(offered)).not.toMatch(new RegExp(`秘密 ${n}郎|secret${n}@|"age"`, 'u'));
    const r = await workflow.act(teams(net.coordinator.teams), caseId, { type: 'approve_shortlist', candidateIds: chosen });
    expect(r.outcome).toBe('done');
    expect(await status(caseId)).toBe('matching');
    // The card as it now stands: who chose whom, nothing left to press.
    expect(r.card).toMatchObject({ kind: 'shortlist', actions: [] });
    expect(r.card?.sections[0]).toEqual({ heading: '判断', lines: [expect.stringMatching(/^高橋 さんが .* に紹介する方を決めました$/u), `紹介：${chosen.join('、')}`] });
    expect(r.card?.pick).toBeUndefined();
    const again = await workflow.act(teams(net.coordinator.teams), caseId, { type: 'approve_shortlist', candidateIds: chosen.slice(0, 2) });
    expect(again).toMatchObject({ outcome: 'unchanged', card: { kind: 'shortlist', actions: [] } });

    const cards = (await sent(caseId, 'line')).flatMap((o) => ((o.payload as { replies: unknown[] }).replies as { type: string; kind?: string; actions?: { value: string }[] }[]));
    const profiles = cards.filter((c) => c.kind === 'candidate_profile');
    expect(profiles).toHaveLength(3);
    expect(profiles[0]!.actions!.map((a) => a.value)).toEqual(['話を聞いてみたい［候補A］', '見送る［候補A］']);

    // Too early: the owner has not asked to meet anyone yet.
    expect((await workflow.act(teams(net.coordinator.teams), caseId, { type: 'confirm_meeting', candidateId: chosen[0]! })).outcome).toBe('refused');

    const declined = await say('見送る［候補B］');
    expect(declined.replies[0]).toMatchObject({ text: expect.stringContaining('候補Bの方は見送ります') });
    const interested = await say('話を聞いてみたい［候補A］');
    expect(interested.replies[0]).toMatchObject({ text: expect.stringContaining('面談') });
    expect((await say('話を聞いてみたい［候補A］')).replies[0]).toMatchObject({ text: expect.stringContaining('すでに') });
    expect(await audits(caseId, 'owner_interest')).toHaveLength(1);
    expect(await audits(caseId, 'owner_declined')).toHaveLength(1);
    expect(await outboxText(caseId)).toContain('三者面談の依頼');

    const before = await outboxText(caseId);
    for (const n of [1, 2, 3, 4]) {
      expect(before).not.toContain(`秘密 ${n}郎`);
      expect(before).not.toContain(`secret${n}@example.jp`);
    }
    expect(await audits(caseId, 'personal_data_released')).toHaveLength(0);

    const byAdvisor = await workflow.act(slack(net.advisor.slack), caseId, { type: 'confirm_meeting', candidateId: chosen[0]! });
    expect(byAdvisor.outcome).toBe('refused');
    const meetingCards = (await sent(caseId, 'teams')).flatMap((o) => (o.payload as { replies: CardReply[] }).replies).filter((c) => c.kind === 'meeting_request');
    expect(meetingCards[0]?.actions).toEqual([{ label: '面談を確定', value: `confirm_meeting:${caseId}:${chosen[0]}` }]);
    expect(JSON.stringify(meetingCards[0])).toContain('連絡先が担当支援者と経営者に伝わります');
    const confirmed = await workflow.act(teams(net.coordinator.teams), caseId, { type: 'confirm_meeting', candidateId: chosen[0]! });
    expect(confirmed.outcome).toBe('done');
    expect(confirmed.card).toMatchObject({ kind: 'meeting_request', actions: [{ label: '採用・契約を記録', value: `record_hire:${caseId}:${chosen[0]}` }] });
    expect(confirmed.card?.sections[0]).toEqual({ heading: '判断', lines: [expect.stringContaining('高橋 さんが'), expect.any(String)] });
    expect(confirmed.card?.sections[0]?.lines[0]).toContain('に面談を確定しました');
    expect(JSON.stringify(confirmed.card)).not.toContain(`secret${chosen[0]!.split('-')[1]}@`);
    expect(await status(caseId)).toBe('introduced');
    const n = chosen[0]!.split('-')[1];
    expect(await outboxText(caseId, 'slack')).toContain(`secret${n}@example.jp`);
    expect(await outboxText(caseId, 'line')).toContain(`secret${n}@example.jp`);
    expect(await outboxText(caseId, 'teams')).not.toContain(`secret${n}@example.jp`);
    const released = await audits(caseId, 'personal_data_released');
    expect(released).toHaveLength(1);
    expect(released[0]).toMatchObject({ actorId: net.coordinator.id, channel: 'teams', detail: expect.objectContaining({ candidateId: chosen[0], to: ['advisor_slack_thread', 'owner'] }) });
    // The person the owner declined stays anonymous.
    const other = chosen[1]!.split('-')[1];
    expect(await outboxText(caseId)).not.toContain(`secret${other}@example.jp`);

    expect((await workflow.act(slack(net.advisor.slack), caseId, { type: 'record_hire', candidateId: chosen[0]! })).outcome).toBe('done');
    expect(await status(caseId)).toBe('hired');
    expect(await db.prisma.candidateCommitment.count({ where: { caseId, candidateId: chosen[0]!, kind: 'engagement' } })).toBe(1);
    // The hire planned its check-ins in its own transaction; the job queue runs them (check-in-runner.test.ts).
    const planned = await db.prisma.followUp.findMany({ where: { caseId }, orderBy: { day: 'asc' } });
    expect(planned.map((f) => [f.day, f.state])).toEqual([[30, 'scheduled'], [90, 'scheduled'], [180, 'scheduled']]);
    expect(planned[0]!.dueAt.getTime() - (await audits(caseId, 'hire_recorded'))[0]!.createdAt.getTime()).toBeGreaterThan(29.9 * 86_400_000);
    expect(await outboxText(caseId, 'slack')).toContain('30日・90日・180日後に経営者へフォローアップ');
    expect((await workflow.act(slack(net.advisor.slack), caseId, { type: 'check_in', note: '30日面談：順調' })).outcome).toBe('done');
    expect(await audits(caseId, 'follow_up_done')).toHaveLength(1);
    const changes = await db.prisma.auditEvent.findMany({ where: { caseId, action: 'status_changed' }, orderBy: { createdAt: 'asc' } });
    expect(changes.map((c) => `${c.fromStatus}>${c.toStatus}`).slice(-5)).toEqual(['in_review>approved', 'approved>matching', 'matching>introduced', 'introduced>hired', 'hired>following_up']);
    expect(changes.at(-1)).toMatchObject({ actorId: net.advisor.id, channel: 'slack' });
  });

  it('refuses actions out of order with a clear message and an audit row', async () => {
    const { caseId, ids } = await approvedCase();
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const stored = (await createPrismaCaseStore(db.prisma).getCase(caseId))!;
    const offer = jobOfferMarkdown(buildJobOffer(toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled), '川口商工会'));
    expect(offer).toMatch(/^# 求人票　/u);
    expect(offer).toContain('| 会社名 | 株式会社川口メッキ |');
    expect(offer).toContain('取扱機関：川口商工会');
    const hire = await workflow.act(slack(net.advisor.slack), caseId, { type: 'record_hire', candidateId: ids[0]! });
    expect(hire).toMatchObject({ outcome: 'refused', message: expect.stringContaining('承認済み') });
    expect(await audits(caseId, 'refused_record_hire')).toHaveLength(1);
    const byAdvisor = await workflow.act(slack(net.advisor.slack), caseId, { type: 'approve_shortlist', candidateIds: ids.slice(0, 2) });
    expect(byAdvisor.outcome).toBe('refused');
    const tooMany = await workflow.act(teams(net.coordinator.teams), caseId, { type: 'approve_shortlist', candidateIds: ids.slice(0, 4) });
    expect(tooMany.message).toContain('2〜3 名');
    const stranger = await workflow.act(teams(net.coordinator.teams), caseId, { type: 'approve_shortlist', candidateIds: ['ISO-1', 'NOBODY'] });
    expect(stranger.message).toContain('NOBODY');
    expect(await audits(caseId, 'refused_approve_shortlist')).toHaveLength(3);
    expect(await status(caseId)).toBe('approved');
    const checkIn = await workflow.act(slack(net.advisor.slack), caseId, { type: 'check_in', note: null });
    expect(checkIn.outcome).toBe('refused');
    expect(await audits(caseId, 'refused_check_in')).toHaveLength(1);
    expect((await workflow.act(slack(net.advisor.slack), caseId, { type: 'close', reason: '' })).outcome).toBe('refused');
    expect((await workflow.act(slack(net.advisor.slack), caseId, { type: 'close', reason: '自社で採用できた' })).outcome).toBe('done');
    expect(await status(caseId)).toBe('closed');
    expect((await workflow.act(slack(net.advisor.slack), caseId, { type: 'close', reason: '再度' })).outcome).toBe('unchanged');
  });
});

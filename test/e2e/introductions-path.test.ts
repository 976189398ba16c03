import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeLine } from '../support/fake-line.js';
import type { FakeSlack } from '../support/fake-slack.js';
import { teamsClient, type ConnectorCall, type FakeTeams } from '../support/fake-teams.js';
import { CASES_CHANNEL, ADVISOR, slackClient } from '../support/slack-scenario.js';
import { COORDINATOR, lineOwner, startAllMessengers, type AllMessengers } from '../support/messengers.js';
import { INTAKE_TO_DRAFT, qualityExpert } from '../support/network.js';
import type { TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import { caseShow } from '../../src/cli/commands/case-show.js';

// STEP 3 across the messengers: from an approved spec, the coordinator chooses whom to
// introduce, the owner swipes anonymised profiles on LINE and asks to meet one, the advisor's
// Slack thread gets the three-party meeting request, the coordinator confirms the meeting
// (contacts released, audited), the hire is recorded and the 30-day check-in reaches the owner.
// Every member step is a click: the coordinator's on Teams cards, the advisor's on Slack buttons.

const INTAKE = INTAKE_TO_DRAFT;

const person = (n: number) => qualityExpert(n, { name: '紹介', email: 'intro' });

type CardJson = { body: Record<string, unknown>[]; actions: { verb?: string; data?: Record<string, unknown> }[] };
const cardOf = (call: ConnectorCall): CardJson => ((call.body.attachments ?? []) as { content: CardJson }[])[0]?.content ?? { body: [], actions: [] };
const buttonsIn = (fake: FakeSlack) => fake.messages.flatMap((m) => m.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
  .filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

let all: AllMessengers;
let line: FakeLine;
let slack: FakeSlack;
let teams: FakeTeams;
let server: TestServer;

// The server's clock. pg-boss compares a job's start time with the database's clock, so the
// test moves the hire back 30 days rather than the database forward.
let clockOffsetMs = 0;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  all = await startAllMessengers({ now: () => new Date(Date.now() + clockOffsetMs) });
  ({ line, slack, teams, server } = all);
  await server.app.candidates.upsertMany([1, 2, 3, 4, 5].map(person));
});
afterAll(async () => all?.close());

describe('STEP 3: approved spec → introductions on LINE → meeting → hire → 30-day check-in', () => {
  it('introduces anonymously and releases contacts only on a confirmed meeting', async () => {
    const owner = `U${randomUUID().replace(/-/g, '')}`;
    const t = teamsClient(server.url, teams.url);
    expect((await t.message(COORDINATOR, '一覧')).status).toBeLessThan(300);
    const say = lineOwner(all, owner);
    for (const said of INTAKE) await say(said);
    const caseId = await waitFor(async () => {
      const c = await server.app.db.prisma.case.findFirst({ where: { owner: { externalId: owner } } });
      return c?.status === 'drafted' ? c.id : null;
    }, 'the drafted case');
    const root = await waitFor(() => slack.messages.find((m) => m.channel === CASES_CHANNEL && !m.thread_ts && JSON.stringify(m.blocks).includes(caseId)), 'the case card in Slack');
    const advisor = slackClient(server.url, slack);
    expect((await advisor.press(ADVISOR, 'send_for_approval', caseId)).status).toBe(200);
    const card = await waitFor(() => teams.delivered().find((c) => c.conversationId === COORDINATOR.conversationId && JSON.stringify(c.body).includes(`案件 ${caseId}`)), 'the approval card in Teams');
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes('承認を依頼しました')), 'the request in the Slack thread');
    const lineFrom = line.delivered().length;
    const threadFrom = slack.messages.filter((m) => m.thread_ts === root.ts).length;
    expect((await t.execute(COORDINATOR, 'approve', { caseId }, card.activityId ?? undefined)).status).toBe(200);

    // Approval ranked the pool and sent the coordinator a card to choose whom to introduce.
    const shortlist = await waitFor(() => teams.delivered().find((c) => c.method === 'POST' && JSON.stringify(c.body).includes(`紹介する候補者の選定　案件 ${caseId}`)), 'the shortlist card in Teams');
    const choices = (cardOf(shortlist).body.find((e) => e.type === 'Input.ChoiceSet')?.choices ?? []) as { value: string }[];
    const proposed = (await server.app.candidates.loadShortlist(caseId)).sort((a, b) => a.rank - b.rank).map((e) => e.candidateId);
    expect(choices.map((c) => c.value)).toEqual(proposed);
    // Teams merges the ticked values, comma-separated, into the action's data under the input's id.
    const picked = await t.execute(COORDINATOR, 'approve_shortlist', { caseId, candidateIds: proposed.slice(0, 3).join(',') }, shortlist.activityId ?? undefined);
    expect(JSON.stringify(picked.body)).toContain('紹介する方を決めました');
    const carousel = await waitFor(() => line.delivered().find((c) => c.body.to === owner && JSON.stringify(c.body).includes('"carousel"')), 'the profiles on LINE');
    expect(JSON.stringify(carousel.body)).toContain('話を聞いてみたい［候補A］');

    await say('話を聞いてみたい［候補A］');
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes('三者面談の依頼')), 'the meeting request in the Slack thread');
    const released = new RegExp(`intro\\d@example\\.jp`, 'u');
    expect(JSON.stringify(line.delivered()) + JSON.stringify(slack.messages) + JSON.stringify(teams.delivered())).not.toMatch(released);

    const chosen = proposed[0]!;
    const meeting = await waitFor(() => teams.delivered().find((c) => c.method === 'POST' && JSON.stringify(c.body).includes(`面談の確定　案件 ${caseId}`)), 'the meeting card in Teams');
    const confirm = cardOf(meeting).actions.find((a) => a.verb === 'confirm_meeting');
    expect(confirm?.data).toEqual({ caseId, candidateId: chosen });
    const confirmed = await t.execute(COORDINATOR, 'confirm_meeting', confirm?.data ?? {}, meeting.activityId ?? undefined);
    expect(JSON.stringify(confirmed.body)).toContain('面談を確定しました');
    const email = `intro${chosen.split('-')[1]}@example.jp`;
    await waitFor(() => line.delivered().some((c) => c.body.to === owner && JSON.stringify(c.body).includes(email)), 'the contact on LINE');
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes(email)), 'the contact in the Slack thread');
    expect(await server.app.db.prisma.auditEvent.count({ where: { caseId, action: 'personal_data_released' } })).toBe(1);

    clockOffsetMs = -(30 * DAY_MS + 60_000);
    const hire = await waitFor(() => buttonsIn(slack).find((b) => b.action_id === 'record_hire'), 'the hire button in the Slack thread');
    expect(hire.value).toBe(`${caseId}:${chosen}`);
    expect((await advisor.press(ADVISOR, 'record_hire', hire.value)).status).toBe(200);
    await waitFor(async () => (await server.app.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status === 'hired', 'the recorded hire');
    clockOffsetMs = 0;
    // Thirty days on, the job queue runs the check-in: the owner is asked on LINE, once.
    await waitFor(() => line.delivered().some((c) => c.body.to === owner && JSON.stringify(c.body).includes('採用から30日')), 'the 30-day check-in on LINE', 15_000);
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes('経営者に LINE でご様子を伺っています')), 'the check-in notice in the Slack thread');
    const followUps = await server.app.db.prisma.followUp.findMany({ where: { caseId }, orderBy: { day: 'asc' } });
    expect(followUps.map((f) => f.state)).toEqual(['asked', 'scheduled', 'scheduled']);
    await say('順調です');
    expect(JSON.stringify(line.delivered().at(-1)?.body)).toContain('新しく困っていること');
    await say('特にありません');
    expect(JSON.stringify(line.delivered().at(-1)?.body)).toContain('次は採用から90日目ごろ');
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes('【30日目フォローアップ：順調】')), 'the check-in summary in the Slack thread');
    expect(line.delivered().filter((c) => c.body.to === owner && JSON.stringify(c.body).includes('採用から30日'))).toHaveLength(1);
    expect(await server.app.db.prisma.auditEvent.count({ where: { caseId, action: 'follow_up_done' } })).toBe(1);
    // The hand-off packet shows the introductions and check-ins, and no one's name or contact.
    let sheet = '';
    await caseShow(server.app, caseId, 'md', (s) => (sheet += s));
    expect(sheet).toContain('## STEP 3：紹介とフォローアップ');
    expect(sheet).toMatch(/\| 候補A \| 元電機メーカー品質保証課長\d \| 新現役 \| 検討中・面談 \|/u);
    expect(sheet).toMatch(/\| 30日目 \| \d{4}-\d{2}-\d{2} \| 回答済み \| 順調 \| — \|/u);
    expect(sheet).not.toMatch(/intro\d@example\.jp|紹介 \d子/u);
    // Every message the owner got on LINE from the approval on, and every thread message, in order.
    const lineSent = line.delivered().slice(lineFrom).flatMap((c) => (c.body.messages ?? []).map((m: { type: string; text?: string; altText?: string }) => `${m.type}:${m.text ?? m.altText ?? ''}`));
    expect(lineSent).toEqual([
      '求人の内容が、支援ネットワークのコーディネーターに承認されました', '御社に合いそうな方を 3 名ご紹介します。お名前や連絡先は、面談が決まってからお知らせします',
      'flex:候補A　元電機メーカー品質保証課長', '候補Aの方との面談を、担当の支援者が調整します', `候補Aの方との面談が決まりました。\n候補A：紹介 ${chosen.split('-')[1]}子 さん\n連絡先：${email}`,
      '候補Aの方の受け入れが決まりました', '採用から30日が経ちました', 'ほかに新しく困っていることや', '次は採用から90日目ごろに',
    ].map((s) => expect.stringContaining(s)));
    expect(lineSent.slice(0, 4).join('')).not.toMatch(/@|紹介 \d子|\d+歳/u);
    const thread = slack.messages.filter((m) => m.thread_ts === root.ts).slice(threadFrom).map((m) => m.text);
    expect(thread).toEqual([
      'さんが求人の下書きを承認しました', '候補者が見つかりました。紹介する方はコーディネーターが Teams で選びます', 'さんが 3 名の紹介を決めました',
      '【三者面談の依頼】経営者が候補A', `さんが候補Aとの面談を確定しました。\n候補A：紹介 ${chosen.split('-')[1]}子 さん\n連絡先：${email}`,
      'さんが候補Aの採用・契約を記録しました。30日・90日・180日後に経営者へフォローアップを行います', '採用から30日が経ちました。経営者に LINE でご様子を伺っています',
      '【30日目フォローアップ：順調】経営者の回答です。\n・活躍ぶり：順調です',
    ].map((s) => expect.stringContaining(s)));
    const audit = await server.app.db.prisma.auditEvent.findMany({ where: { caseId, action: 'status_changed' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => `${a.fromStatus}>${a.toStatus}:${a.channel}`).slice(2)).toEqual([
      'in_review>approved:teams', 'approved>matching:teams', 'matching>introduced:teams', 'introduced>hired:slack', 'hired>following_up:scheduler',
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLine, lineWebhook, postLine, textEvent } from '../support/fake-line.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startFakeTeams, teamsClient, teamsUser, type FakeTeams } from '../support/fake-teams.js';
import { CASES_CHANNEL, ADVISOR, SECRET as SLACK_SECRET, seedNetwork, slackClient } from '../support/slack-scenario.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import type { CandidateRecord } from '../../src/core/matching/candidate.js';

// STEP 3 across the messengers: from an approved spec, the coordinator chooses whom to
// introduce, the owner swipes anonymised profiles on LINE and asks to meet one, the advisor's
// Slack thread gets the three-party meeting request, the coordinator confirms the meeting
// (contacts released, audited), the hire is recorded and the 30-day check-in reaches the owner.
// The coordinator's choices go through the core here: the Teams multi-select card is not built yet.

const LINE_SECRET = 'line-full-path';
const COORDINATOR = teamsUser('3f2504e0-4f89-11d3-9a0c-0305e82c3301', '佐藤一郎');
const INTAKE = [
  '川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます',
  '社内に品質管理をわかる人間がいない', '10年後も取引先に選ばれる会社でいたい', '株式会社川口メッキ', 'この内容でOK',
  '外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし',
  '地域で50年の実績があります', 'この内容でOK',
];

const person = (n: number): CandidateRecord => ({
  profile: {
    id: `E2E-${n}`, kind: 'senior', prefecture: '埼玉県', remoteOk: true, daysPerWeek: 2, workStyles: ['side_job', 'advisory'],
    skillCategories: ['quality', 'production'], industries: ['manufacturing'], monthlyFeeMinYen: 80000,
    headline: `元電機メーカー品質保証課長${n}`, summary: 'ISO9001の認証取得を指導しました。',
  },
  personal: { name: `紹介 ${n}子`, email: `intro${n}@example.jp`, age: 60 + n },
});

let line: FakeLine;
let slack: FakeSlack;
let teams: FakeTeams;
let server: TestServer;

beforeAll(async () => {
  [line, slack, teams] = await Promise.all([new FakeLine().start(), startFakeSlack(), startFakeTeams()]);
  server = await startTestServer({
    LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'line-token', LINE_API_BASE_URL: line.url,
    SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: 'xoxb-full', SLACK_API_URL: slack.apiUrl,
    TEAMS_ENABLED: 'true', BANSOU_OUTBOX_POLL_MS: '20', BANSOU_OUTBOX_BASE_DELAY_MS: '50',
  });
  await seedNetwork(server.app);
  await server.app.candidates.upsertMany([1, 2, 3, 4, 5].map(person));
});
afterAll(async () => {
  await server?.close();
  await Promise.all([line?.close(), slack?.close(), teams?.close()]);
});

describe('STEP 3: approved spec → introductions on LINE → meeting → hire → 30-day check-in', () => {
  it('introduces anonymously and releases contacts only on a confirmed meeting', async () => {
    const owner = `U${randomUUID().replace(/-/g, '')}`;
    const t = teamsClient(server.url, teams.url);
    expect((await t.message(COORDINATOR, '一覧')).status).toBeLessThan(300);
    const say = async (said: string) => {
      const before = line.delivered().length;
      expect((await postLine(server.url, lineWebhook([textEvent(owner, said)]), LINE_SECRET)).status).toBe(200);
      await waitFor(() => line.delivered().length > before, `the bot's answer to 「${said}」`);
    };
    for (const said of INTAKE) await say(said);
    const caseId = await waitFor(async () => {
      const c = await server.app.db.prisma.case.findFirst({ where: { owner: { externalId: owner } } });
      return c?.status === 'drafted' ? c.id : null;
    }, 'the drafted case');
    const root = await waitFor(() => slack.messages.find((m) => m.channel === CASES_CHANNEL && !m.thread_ts && JSON.stringify(m.blocks).includes(caseId)), 'the case card in Slack');
    expect((await slackClient(server.url, slack).press(ADVISOR, 'send_for_approval', caseId)).status).toBe(200);
    const card = await waitFor(() => teams.delivered().find((c) => c.conversationId === COORDINATOR.conversationId && JSON.stringify(c.body).includes(`案件 ${caseId}`)), 'the approval card in Teams');
    expect((await t.execute(COORDINATOR, 'approve', { caseId }, card.activityId ?? undefined)).status).toBe(200);

    // Approval ranked the pool and told the coordinator whom it proposes.
    await waitFor(() => teams.delivered().some((c) => JSON.stringify(c.body).includes(`${caseId} の候補者です`)), 'the shortlist in Teams');
    const proposed = (await server.app.candidates.loadShortlist(caseId)).map((e) => e.candidateId);
    const coordinator = { channel: 'teams', externalId: COORDINATOR.aadObjectId };
    expect((await server.app.workflow.act(coordinator, caseId, { type: 'approve_shortlist', candidateIds: proposed.slice(0, 3) })).outcome).toBe('done');
    const carousel = await waitFor(() => line.delivered().find((c) => c.body.to === owner && JSON.stringify(c.body).includes('"carousel"')), 'the profiles on LINE');
    expect(JSON.stringify(carousel.body)).toContain('話を聞いてみたい［候補A］');

    await say('話を聞いてみたい［候補A］');
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes('三者面談の依頼')), 'the meeting request in the Slack thread');
    const released = new RegExp(`intro\\d@example\\.jp`, 'u');
    expect(JSON.stringify(line.delivered()) + JSON.stringify(slack.messages) + JSON.stringify(teams.delivered())).not.toMatch(released);

    const chosen = proposed[0]!;
    expect((await server.app.workflow.act(coordinator, caseId, { type: 'confirm_meeting', candidateId: chosen })).outcome).toBe('done');
    const email = `intro${chosen.split('-')[1]}@example.jp`;
    await waitFor(() => line.delivered().some((c) => c.body.to === owner && JSON.stringify(c.body).includes(email)), 'the contact on LINE');
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes(email)), 'the contact in the Slack thread');
    expect(await server.app.db.prisma.auditEvent.count({ where: { caseId, action: 'personal_data_released' } })).toBe(1);

    expect((await server.app.workflow.act({ channel: 'slack', externalId: ADVISOR }, caseId, { type: 'record_hire', candidateId: chosen })).outcome).toBe('done');
    expect((await server.app.workflow.checkInDue(caseId, 30)).outcome).toBe('done');
    await waitFor(() => line.delivered().some((c) => c.body.to === owner && JSON.stringify(c.body).includes('採用から30日')), 'the 30-day check-in on LINE');
    const audit = await server.app.db.prisma.auditEvent.findMany({ where: { caseId, action: 'status_changed' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => `${a.fromStatus}>${a.toStatus}:${a.channel}`).slice(2)).toEqual([
      'in_review>approved:teams', 'approved>matching:teams', 'matching>introduced:teams', 'introduced>hired:slack', 'hired>following_up:scheduler',
    ]);
  });
});

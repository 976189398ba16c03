import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLine, lineWebhook, postLine, textEvent } from '../support/fake-line.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startFakeTeams, teamsClient, teamsUser, type FakeTeams } from '../support/fake-teams.js';
import { CASES_CHANNEL, ADVISOR, SECRET as SLACK_SECRET, seedNetwork, slackClient } from '../support/slack-scenario.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// The whole path across the three messengers, each against its local fake platform:
// an owner's intake on LINE → the case card in the advisor's Slack channel → the advisor
// asks for approval → the coordinator approves in Teams → the owner is told on LINE.

const LINE_SECRET = 'line-full-path';
const COORDINATOR = teamsUser('3f2504e0-4f89-11d3-9a0c-0305e82c3301', '佐藤一郎');
const INTAKE = [
  '川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます',
  '社内に品質管理をわかる人間がいない', '10年後も取引先に選ばれる会社でいたい', '株式会社川口メッキ', 'この内容でOK',
  '外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし',
  '地域で50年の実績があります', 'この内容でOK',
];

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
});
afterAll(async () => {
  await server?.close();
  await Promise.all([line?.close(), slack?.close(), teams?.close()]);
});

describe('owner on LINE → advisor in Slack → coordinator in Teams → owner on LINE', () => {
  it('carries one case across all three messengers', async () => {
    const owner = `U${randomUUID().replace(/-/g, '')}`;
    const t = teamsClient(server.url, teams.url);
    // The coordinator has opened a chat with the bot once, so it can reach them later.
    expect((await t.message(COORDINATOR, '一覧')).status).toBeLessThan(300);

    for (const said of INTAKE) {
      const before = line.delivered().length;
      const res = await postLine(server.url, lineWebhook([textEvent(owner, said)]), LINE_SECRET);
      expect(res.status).toBe(200);
      await waitFor(() => line.delivered().length > before, `the bot's answer to 「${said}」`);
    }
    const caseId = await waitFor(async () => {
      const c = await server.app.db.prisma.case.findFirst({ where: { owner: { externalId: owner } } });
      return c?.status === 'drafted' ? c.id : null;
    }, 'the drafted case');
    expect(line.texts().at(-1)).toContain('求人の下書きが完成しました');

    const root = await waitFor(() => slack.messages.find((m) => m.channel === CASES_CHANNEL && !m.thread_ts && JSON.stringify(m.blocks).includes(caseId)), 'the case card in Slack');
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes('求人の下書きを確認しました')), 'the milestone in the case thread');

    const pressed = await slackClient(server.url, slack).press(ADVISOR, 'send_for_approval', caseId);
    expect(pressed.status).toBe(200);
    await waitFor(async () => (await server.app.store.getCase(caseId))?.status === 'in_review', 'the case in review');

    const card = await waitFor(() => teams.delivered().find((c) => c.conversationId === COORDINATOR.conversationId && JSON.stringify(c.body).includes(`案件 ${caseId}`)), 'the approval card in Teams');
    expect(JSON.stringify(card.body)).toContain('品質');

    const approved = await t.execute(COORDINATOR, 'approve', { caseId }, card.activityId ?? undefined);
    expect(approved.status).toBe(200);
    expect(JSON.stringify(approved.body)).toContain('承認しました');
    expect((await server.app.store.getCase(caseId))?.status).toBe('approved');

    await waitFor(() => line.delivered().some((c) => c.body.to === owner && JSON.stringify(c.body).includes('承認されました')), 'the owner told on LINE');
    await waitFor(() => slack.messages.some((m) => m.thread_ts === root.ts && m.text.includes('承認しました')), 'the decision in the Slack thread');
    const audit = await server.app.db.prisma.auditEvent.findMany({ where: { caseId, action: 'status_changed' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => `${a.fromStatus}>${a.toStatus}:${a.channel}`)).toEqual(['intake>drafted:line', 'drafted>in_review:slack', 'in_review>approved:teams']);
  });
});

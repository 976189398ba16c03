import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeLine } from '../support/fake-line.js';
import type { FakeSlack } from '../support/fake-slack.js';
import { teamsClient, type FakeTeams } from '../support/fake-teams.js';
import { CASES_CHANNEL, ADVISOR, slackClient } from '../support/slack-scenario.js';
import { COORDINATOR, lineOwner, startAllMessengers, type AllMessengers } from '../support/messengers.js';
import { INTAKE_TO_DRAFT } from '../support/network.js';
import type { TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// The whole path across the three messengers, each against its local fake platform:
// an owner's intake on LINE → the case card in the advisor's Slack channel → the advisor
// asks for approval → the coordinator approves in Teams → the owner is told on LINE.

const INTAKE = INTAKE_TO_DRAFT;

let all: AllMessengers;
let line: FakeLine;
let slack: FakeSlack;
let teams: FakeTeams;
let server: TestServer;

beforeAll(async () => {
  all = await startAllMessengers();
  ({ line, slack, teams, server } = all);
});
afterAll(async () => all?.close());

describe('owner on LINE → advisor in Slack → coordinator in Teams → owner on LINE', () => {
  it('carries one case across all three messengers', async () => {
    const owner = `U${randomUUID().replace(/-/g, '')}`;
    const t = teamsClient(server.url, teams.url);
    // The coordinator has opened a chat with the bot once, so it can reach them later.
    expect((await t.message(COORDINATOR, '一覧')).status).toBeLessThan(300);

    const say = lineOwner(all, owner);
    for (const said of INTAKE) await say(said);
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

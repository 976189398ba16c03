import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_SCHEMA } from '../../src/jobs/job-queue.js';
import { REPORT_QUEUE } from '../../src/jobs/weekly-report.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// The weekly figures in Slack: scheduled on the job queue in Japan time, posted to the configured
// channel through the outbox, and posted once per week however often the job runs.

const REPORT_CHANNEL = 'C0REPORTS';
let slack: FakeSlack;
let server: TestServer;

beforeAll(async () => {
  slack = await startFakeSlack();
  server = await startTestServer({
    SLACK_SIGNING_SECRET: 'slack-secret-report', SLACK_BOT_TOKEN: 'xoxb-report', SLACK_API_URL: slack.apiUrl,
    REPORT_SLACK_CHANNEL: REPORT_CHANNEL, REPORT_SCHEDULE: '0 9 * * 1', BANSOU_OUTBOX_POLL_MS: '20',
  });
});
afterAll(async () => {
  await server?.close();
  await slack?.close();
});

describe('the weekly report', () => {
  it('is scheduled for Monday 9:00 Japan time', async () => {
    const { rows } = await server.app.db.pool.query<{ cron: string; timezone: string }>(`SELECT cron, timezone FROM ${JOB_SCHEMA}.schedule WHERE name = $1`, [REPORT_QUEUE]);
    expect(rows).toEqual([{ cron: '0 9 * * 1', timezone: 'Asia/Tokyo' }]);
  });

  it('posts last week’s figures to the channel once', async () => {
    const report = server.running.jobs.weeklyReport;
    expect(await report.post(REPORT_CHANNEL)).toBe(true);
    expect(await report.post(REPORT_CHANNEL)).toBe(false);
    const posted = await waitFor(() => slack.messages.find((m) => m.channel === REPORT_CHANNEL), 'the report in Slack');
    expect(posted.text).toContain('先週の支援ネットワークの実績');
    expect(posted.text).toContain('・新しい相談：0件');
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.messages.filter((m) => m.channel === REPORT_CHANNEL)).toHaveLength(1);
  });
});

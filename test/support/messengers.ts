import { expect } from 'vitest';
import { FakeLine, lineWebhook, postLine, textEvent } from './fake-line.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { startFakeTeams, teamsUser, type FakeTeams } from './fake-teams.js';
import { SECRET as SLACK_SECRET, seedNetwork } from './slack-scenario.js';
import { startTestServer, type TestServer } from './server.js';
import { waitFor } from './wait.js';

// The whole deployment for cross-messenger tests: the server with all three adapters, each
// pointed at its local fake platform, and the support network of slack-scenario.ts.

export const LINE_SECRET = 'line-full-path';
/** The network's coordinator (slack-scenario.ts registers this Teams account). */
export const COORDINATOR = teamsUser('3f2504e0-4f89-11d3-9a0c-0305e82c3301', '佐藤一郎');

export interface AllMessengers {
  line: FakeLine;
  slack: FakeSlack;
  teams: FakeTeams;
  server: TestServer;
  close(): Promise<void>;
}

/** `now`: the server's clock, for tests that move time. */
export async function startAllMessengers(options: { now?: () => Date } = {}): Promise<AllMessengers> {
  const [line, slack, teams] = await Promise.all([new FakeLine().start(), startFakeSlack(), startFakeTeams()]);
  const server = await startTestServer({
    LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'line-token', LINE_API_BASE_URL: line.url,
    SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: 'xoxb-full', SLACK_API_URL: slack.apiUrl,
    TEAMS_ENABLED: 'true', BANSOU_OUTBOX_POLL_MS: '20', BANSOU_OUTBOX_BASE_DELAY_MS: '50', BANSOU_JOBS_POLL_SECONDS: '0.5',
  }, options);
  await seedNetwork(server.app);
  return {
    line, slack, teams, server,
    async close() {
      await server.close();
      await Promise.all([line.close(), slack.close(), teams.close()]);
    },
  };
}

/** An owner on LINE: each message is signed and posted, then waits for the bot's answer. */
export function lineOwner(all: Pick<AllMessengers, 'line' | 'server'>, owner: string): (said: string) => Promise<void> {
  return async (said) => {
    const before = all.line.delivered().length;
    const res = await postLine(all.server.url, lineWebhook([textEvent(owner, said)]), LINE_SECRET);
    expect(res.status).toBe(200);
    await waitFor(() => all.line.delivered().length > before, `the bot's answer to 「${said}」`);
  };
}

import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createCliDatabase } from '../../test/support/cli-database.js';
import type { CliDatabase } from '../../test/support/cli.js';
import { createSlackAdapter, SLACK_EVENTS_PATH } from './index.js';

// The adapter's two transports: HTTP mounts POST /slack/events on the shared server; Socket
// Mode mounts nothing (Slack is reached over the app-level token's WebSocket instead).

const log = pino({ level: 'silent' });
const slackEnv = { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:9/api' };
let db: CliDatabase;
let app: App;

beforeAll(async () => {
  db = await createCliDatabase();
  app = await openApp(loadConfig({ ...db.env, ...slackEnv }), log);
});
afterAll(async () => {
  await app?.close();
  await db?.cleanup();
});

describe('createSlackAdapter', () => {
  it('serves events, interactions and commands on one HTTP route', async () => {
    const adapter = await createSlackAdapter({ app, config: loadConfig({ ...db.env, ...slackEnv }), log });
    expect(adapter.channel).toBe('slack');
    expect(adapter.routes.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${SLACK_EVENTS_PATH}`]);
  });

  it('mounts no route in Socket Mode', async () => {
    const config = loadConfig({ ...db.env, ...slackEnv, SLACK_SOCKET_MODE: 'true', SLACK_APP_TOKEN: 'xapp-1' });
    const adapter = await createSlackAdapter({ app, config, log });
    expect(adapter.routes).toEqual([]);
  });
});

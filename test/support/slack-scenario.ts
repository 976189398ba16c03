import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { createRegistry } from '../../src/core/admin/registry.js';
import { createPrismaAdminStore } from '../../src/db/prisma-admin-store.js';
import { eventually, type FakeSlack } from './fake-slack.js';
import { startTestServer, type TestServerOptions } from './server.js';
import { post, signEvent, signInteraction, eventEnvelope, type SignOptions } from './slack-signer.js';

// The Slack end-to-end setting: the real server with its Slack adapter pointed at a fake Slack
// API, a small support network, and an owner who completes an intake.

export const SECRET = 'e2e-signing-secret';
export const CASES_CHANNEL = 'C0CASES01';
export const BANK_CHANNEL = 'C0BANK001';
export const ADVISOR = 'U0ADVISOR1';
export const BANKER = 'U0BANKER01';
export const STRANGER = 'U0STRANGER';

export function startSlackServer(fake: FakeSlack, env: NodeJS.ProcessEnv = {}, options: TestServerOptions = {}) {
  return startTestServer({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_API_URL: fake.apiUrl, ...env }, options);
}

/** A chamber of commerce (the intake desk), a bank, and the network's hub with a coordinator. */
export async function seedNetwork(app: App): Promise<void> {
  const r = createRegistry(createPrismaAdminStore(app.db.prisma), { id: 'test', channel: 'cli' });
  await r.addOrganisation({ name: '川口商工会議所', kind: 'cci', slackChannel: CASES_CHANNEL, isDefault: true });
  await r.addOrganisation({ name: '埼玉りそな地域支援部', kind: 'bank', slackChannel: BANK_CHANNEL });
  await r.addOrganisation({ name: '埼玉県プロ人材戦略拠点', kind: 'hub', hub: true });
  await r.addMember({ org: '川口商工会議所', role: 'advisor', name: '山田太郎', slack: ADVISOR });
  await r.addMember({ org: '埼玉りそな地域支援部', role: 'advisor', name: '鈴木花子', slack: BANKER });
  await r.addMember({ org: '埼玉県プロ人材戦略拠点', role: 'coordinator', name: '佐藤一郎', teams: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
}

export const STEP1 = [
  '川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます',
  '社内に品質管理をわかる人間がいない', '10年後も取引先に選ばれる会社でいたい', '株式会社川口メッキ', 'この内容でOK',
];
export const STEP2 = [
  '外部の専門人材に来てもらう', '副業（週1日など）', '週1日', 'はい、大丈夫', '月15万円', '1年', '大手メーカーでの品質保証の経験', 'なし',
  '地域で50年の実績があります', 'この内容でOK',
];

/** An owner's messages through the channel-agnostic owner path; returns the case id. */
export async function ownerSays(app: App, owner: string, lines: string[]): Promise<string> {
  let caseId: string | null = null;
  for (const text of lines) {
    const r = await app.owners.handle({ channel: 'line', eventId: randomUUID(), sender: { externalId: owner }, kind: 'text', text, receivedAt: new Date() });
    expect(r.status).toBe('processed');
    caseId = r.caseId;
  }
  return caseId as string;
}

/** Waits until the outbox has nothing left to send. */
export async function delivered(app: App, ms = 15_000): Promise<void> {
  await eventually(async () => {
    const c = await app.outbox.counts();
    expect(c.pending + c.sending).toBe(0);
  }, ms);
}

export const texts = (fake: FakeSlack, channel = CASES_CHANNEL) => fake.messages.filter((m) => m.channel === channel).map((m) => m.text);

export function slackClient(url: string, fake: FakeSlack) {
  let n = 0;
  const events = `${url}/slack/events`;
  return {
    event: (eventId: string, event: Record<string, unknown>, o: SignOptions = {}) => post(events, signEvent(SECRET, eventEnvelope(eventId, event), o)),
    /** A button on a message in `channel`, as Slack sends block_actions. */
    press: (user: string, actionId: string, value: string, channel = CASES_CHANNEL, o: SignOptions = {}) => post(events, signInteraction(SECRET, {
      type: 'block_actions', trigger_id: `trig-${++n}`, user: { id: user, team_id: 'T0FAKE' }, team: { id: 'T0FAKE' },
      container: { type: 'message', channel_id: channel, message_ts: '1.000001' }, channel: { id: channel },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1.1' }],
    }, o)),
    /** Submits the view the last views.open call opened, with these input values. */
    submit: (user: string, view: { callback_id: string; private_metadata: string }, values: Record<string, unknown>, o: SignOptions = {}) => post(events, signInteraction(SECRET, {
      type: 'view_submission', trigger_id: `trig-${++n}`, user: { id: user, team_id: 'T0FAKE' }, team: { id: 'T0FAKE' },
      view: { id: `V${n}`, type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values } },
    }, o)),
  };
}

/** Plain text input values as Slack sends them: block_id → action_id `value`. */
export const inputs = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, value]) => [k, { value: { type: 'plain_text_input', value } }]));

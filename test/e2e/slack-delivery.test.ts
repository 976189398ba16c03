import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import type { TestServer } from '../support/server.js';
import { CASES_CHANNEL, delivered, ownerSays, seedNetwork, startSlackServer, STEP1, STEP2 } from '../support/slack-scenario.js';

// Delivery to Slack through the outbox when Slack misbehaves: rate limits and errors delay
// messages but lose none and send none twice, and a process killed between Slack accepting a
// post and the outbox recording it does not post it again after a restart.

const outboxIds = (fake: FakeSlack) => fake.messages.map((m) => String(m.metadata?.event_payload.outbox_id));

describe('a Slack API that answers 429, then 500, then recovers', () => {
  let fake: FakeSlack;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeSlack();
    server = await startSlackServer(fake);
    await seedNetwork(server.app);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('posts every message exactly once, in order, honouring Retry-After', { timeout: 60_000 }, async () => {
    fake.script('chat.postMessage', { status: 429, retryAfter: 1 }, { status: 500 });
    fake.script('chat.update', { status: 500 });
    const caseId = await ownerSays(server.app, 'U-owner-outage', [...STEP1, ...STEP2]);
    await delivered(server.app, 30_000);

    const rows = await server.app.db.prisma.outbox.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
    expect(rows.every((r) => r.state === 'sent')).toBe(true);
    expect(rows[0]?.attempts).toBe(3);
    const ids = outboxIds(fake);
    expect(new Set(ids).size).toBe(ids.length);
    // Posted in the order they were queued: the root, then each milestone in its thread.
    const posted = rows.filter((r) => ids.includes(r.id)).map((r) => r.id);
    expect(ids).toEqual(posted);
    const [root, ...replies] = fake.messages;
    expect(root?.thread_ts).toBeUndefined();
    expect(replies.map((m) => m.thread_ts)).toEqual(replies.map(() => root?.ts));
    expect(replies.map((m) => m.text.split('\n')[0])).toEqual([
      '経営者が STEP 1 の要約を確認しました。',
      '経営者が求人の下書きを確認しました。内容を確かめて「承認を依頼」でコーディネーターへお送りください。',
    ]);
    const [first, second] = fake.callsOf('chat.postMessage');
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});

describe('a process killed in the middle of a send', () => {
  let fake: FakeSlack;
  let first: TestServer;
  let second: TestServer | undefined;
  const env = { BANSOU_OUTBOX_LEASE_MS: '4000' };
  beforeAll(async () => {
    fake = await startFakeSlack();
    first = await startSlackServer(fake, env);
    await seedNetwork(first.app);
  }, 60_000);
  afterAll(async () => {
    fake?.releaseHung();
    await second?.close();
    await first?.close();
    await fake?.close();
  });

  it('posts the message once after a restart: the lease expires and the metadata check finds the earlier post', { timeout: 60_000 }, async () => {
    // Slack keeps the case card but the answer never comes back; then the process dies.
    fake.script('chat.postMessage', { hangAfterStore: true });
    const caseId = await ownerSays(first.app, 'U-owner-crash', STEP1.slice(0, 1));
    await eventually(() => expect(fake.messages).toHaveLength(1));
    void first.running.dispatcher.stop(); // stop polling; the send in flight never returns
    await first.app.close(); // the process is gone: nothing it started can be recorded

    second = await startSlackServer(fake, env, { database: first.database });
    await ownerSays(second.app, 'U-owner-crash', STEP1.slice(1));
    await delivered(second.app, 30_000);

    const roots = fake.messages.filter((m) => m.channel === CASES_CHANNEL && !m.thread_ts);
    expect(roots).toHaveLength(1);
    expect(fake.callsOf('chat.postMessage').filter((c) => !c.args.thread_ts)).toHaveLength(1);
    // The second process only took the message over once the first one's lease had expired.
    const [hung] = fake.callsOf('chat.postMessage');
    const [check] = fake.callsOf('conversations.history');
    expect((check?.at ?? 0) - (hung?.at ?? 0)).toBeGreaterThanOrEqual(3500);
    const rootRow = await second.app.db.prisma.outbox.findFirst({ where: { caseId }, orderBy: { seq: 'asc' } });
    expect(rootRow).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await second.app.db.prisma.caseThread.findUnique({ where: { caseId } })).toMatchObject({ rootTs: roots[0]?.ts });
    const replies = fake.messages.filter((m) => m.thread_ts === roots[0]?.ts);
    expect(replies.map((m) => m.text.split('\n')[0])).toEqual(['経営者が STEP 1 の要約を確認しました。']);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeLine, lineWebhook, postLine, textEvent } from '../support/fake-line.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

// Owners on LINE, end to end: signed webhooks into the real server, the real @line/bot-sdk
// client talking to a local fake of the Messaging API.

const SECRET = 'line-test-secret';
let line: FakeLine;
let server: TestServer;

beforeAll(async () => {
  line = await new FakeLine().start();
  server = await startTestServer({
    LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'line-token', LINE_API_BASE_URL: line.url,
    BANSOU_OUTBOX_BASE_DELAY_MS: '50', BANSOU_OUTBOX_MAX_DELAY_MS: '200', BANSOU_OUTBOX_POLL_MS: '20', BANSOU_OUTBOX_LEASE_MS: '500',
  });
});
afterAll(async () => {
  await server?.close();
  await line?.close();
});
beforeEach(() => {
  line.calls = [];
});

const inbound = (eventId: string) => server.app.db.prisma.messageLog.count({ where: { channel: 'line', eventId } });
const user = () => `U${randomUUID().replace(/-/g, '')}`;

describe('LINE webhook', () => {
  it('answers an owner through the reply token, with the next question', async () => {
    const u = user();
    const res = await postLine(server.url, lineWebhook([textEvent(u, '浜松で金属加工をやってます。社員は28人です')]), SECRET);
    expect(res.status).toBe(200);
    const reply = await waitFor(() => line.delivered().find((c) => c.path === '/v2/bot/message/reply'), 'the reply');
    const texts = (reply.body.messages ?? []).map((m) => m.text).join('\n');
    expect(texts).toContain('伴走');
    expect(texts).toContain('困っていること');
  });

  it.each([
    ['unsigned', null, {}],
    ['wrongly signed', 'another-secret', {}],
  ])('refuses %s requests with 401 and stores nothing', async (_name, secret, headers) => {
    const event = textEvent(user(), 'こんにちは');
    const res = await postLine(server.url, lineWebhook([event]), secret, headers);
    expect(res.status).toBe(401);
    expect(await inbound(event.webhookEventId as string)).toBe(0);
  });

  it('refuses a forged body under a signature made for another body', async () => {
    const event = textEvent(user(), 'こんにちは');
    const signedFor = lineWebhook([textEvent(user(), '別の本文')]);
    const res = await fetch(`${server.url}/line/webhook`, {
      method: 'POST', body: lineWebhook([event]),
      headers: { 'content-type': 'application/json', 'x-line-signature': (await import('../support/fake-line.js')).lineSignature(signedFor, SECRET) },
    });
    expect(res.status).toBe(401);
    expect(await inbound(event.webhookEventId as string)).toBe(0);
  });

  it('answers a signed request that is not a LINE webhook with 400', async () => {
    expect((await postLine(server.url, '{"hello": 1}', SECRET)).status).toBe(400);
    expect((await postLine(server.url, 'not json', SECRET)).status).toBe(400);
  });

  it('stores and answers a redelivered event exactly once', async () => {
    const u = user();
    const event = textEvent(u, '今治でタオルを作っています');
    for (let i = 0; i < 3; i++) {
      const res = await postLine(server.url, lineWebhook([{ ...event, deliveryContext: { isRedelivery: i > 0 } }]), SECRET);
      expect(res.status).toBe(200);
    }
    await waitFor(() => line.delivered().length > 0, 'a reply');
    await new Promise((r) => setTimeout(r, 300));
    expect(await inbound(event.webhookEventId as string)).toBe(1);
    expect(line.delivered()).toHaveLength(1);
  });

  it('acks at once even while sending to LINE is slow', async () => {
    line.delayMs = 2000;
    try {
      const started = Date.now();
      const res = await postLine(server.url, lineWebhook([textEvent(user(), '気仙沼で水産加工をやってます')]), SECRET);
      expect(res.status).toBe(200);
      // LINE's outbound API answers after 2 s here; the webhook must not wait for it.
      expect(Date.now() - started).toBeLessThan(1500);
      await waitFor(() => line.delivered().length > 0, 'the slow reply', 8000);
    } finally {
      line.delayMs = 0;
    }
  });

  it('answers stickers and images kindly', async () => {
    const u = user();
    const sticker = { ...textEvent(u, ''), message: { type: 'sticker', id: '9', packageId: '1', stickerId: '2' } };
    await postLine(server.url, lineWebhook([sticker]), SECRET);
    const reply = await waitFor(() => line.delivered()[0], 'the answer to a sticker');
    expect(reply.body.messages?.[0]?.text).toContain('文字でお答え');
  });

  it('greets on follow, marks the owner inactive on unfollow, and declines groups', async () => {
    const u = user();
    const base = { mode: 'active', timestamp: Date.now(), source: { type: 'user', userId: u }, deliveryContext: { isRedelivery: false } };
    await postLine(server.url, lineWebhook([{ ...base, type: 'follow', webhookEventId: randomUUID(), replyToken: randomUUID() }]), SECRET);
    await waitFor(() => line.texts().some((t) => t.includes('友だち追加')), 'the greeting');
    await postLine(server.url, lineWebhook([{ ...base, type: 'unfollow', webhookEventId: randomUUID() }]), SECRET);
    await waitFor(async () => (await server.app.db.prisma.owner.findFirst({ where: { externalId: u } }))?.active === false, 'the owner marked inactive');
    const group = { ...textEvent(u, '相談です'), source: { type: 'group', groupId: 'Cgroup1', userId: u } };
    await postLine(server.url, lineWebhook([group]), SECRET);
    await waitFor(() => line.texts().some((t) => t.includes('グループ')), 'the group decline');
  });

  it('shows the summary as a Flex Message with buttons and quick replies for choices', async () => {
    const u = user();
    const lines = ['川口で電子部品のめっき加工をやってます。社員は28人です', '取引先からISO9001を取ってくれと言われて困ってます', '社内に品質管理をわかる人間がいない', '10年後も選ばれる会社でいたい', '株式会社川口メッキ'];
    for (const t of lines) {
      const before = line.delivered().length;
      await postLine(server.url, lineWebhook([textEvent(u, t)]), SECRET);
      await waitFor(() => line.delivered().length > before, `the answer to ${t}`);
    }
    const last = line.delivered().at(-1)?.body.messages ?? [];
    expect(last.some((m) => m.type === 'flex')).toBe(true);
    const before = line.delivered().length;
    await postLine(server.url, lineWebhook([textEvent(u, 'この内容でOK')]), SECRET);
    await waitFor(() => line.delivered().length > before, 'the direction question');
    const question = line.delivered().at(-1)?.body.messages?.at(-1) as { quickReply?: { items: unknown[] } };
    expect(question.quickReply?.items.length).toBeGreaterThan(1);
    expect(question.quickReply?.items.length).toBeLessThanOrEqual(13);
  });
});

describe('LINE delivery through the outbox', () => {
  it('rides out 429 and 500 answers and delivers once', async () => {
    line.script('/v2/bot/message/reply', { status: 429, headers: { 'retry-after': '0' } }, { status: 500 });
    await postLine(server.url, lineWebhook([textEvent(user(), '倉敷で運送業をやってます')]), SECRET);
    await waitFor(() => line.delivered().length > 0, 'delivery after failures');
    await new Promise((r) => setTimeout(r, 300));
    expect(line.delivered()).toHaveLength(1);
  });

  it('does not send twice when LINE accepted a push but the answer was lost', async () => {
    const u = user();
    const expired = textEvent(u, '有田で焼き物の窯元をやってます');
    expired.timestamp = Date.now() - 120_000;
    line.script('/v2/bot/message/push', 'reset-after-accept');
    await postLine(server.url, lineWebhook([expired]), SECRET);
    await waitFor(async () => (await server.app.db.prisma.outbox.findFirst({ where: { address: { path: ['userId'], equals: u }, state: 'sent' } })) !== null, 'the message marked sent');
    const pushes = line.delivered().filter((c) => c.body.to === u);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('resumes a send that a dead process left half done, without doubling it', async () => {
    const u = user();
    const outbox = server.app.db.prisma.outbox;
    const id = randomUUID();
    await outbox.create({
      data: {
        id, channel: 'line', address: { kind: 'line_user', userId: u }, payload: { replies: [{ type: 'text', text: '再開テスト' }] },
        orderKey: `line:${u}`, state: 'sending', attempts: 1, leaseUntil: new Date(Date.now() - 1000),
      },
    });
    // The dead process's push had reached LINE before it died.
    await fetch(`${line.url}/v2/bot/message/push`, { method: 'POST', headers: { 'x-line-retry-key': id, 'content-type': 'application/json' }, body: JSON.stringify({ to: u, messages: [{ type: 'text', text: '再開テスト' }] }) });
    server.running.dispatcher.kick();
    await waitFor(async () => (await outbox.findUnique({ where: { id } }))?.state === 'sent', 'the reclaimed message marked sent');
    expect(line.delivered().filter((c) => c.body.to === u)).toHaveLength(1);
  });
});

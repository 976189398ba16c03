import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../test/support/fake-slack.js';
import type { CaseThreadRecord, CaseThreadStore } from '../../src/core/notify/case-threads.js';
import type { Address, OutboxItem } from '../../src/core/outbox/types.js';
import { text } from '../../src/core/replies.js';
import { createWebClient } from './client.js';
import { sendOutcomeOf } from './errors.js';
import { createSlackSender, METADATA_EVENT } from './sender.js';

// The Slack sender against a local fake of the Web API: where each address goes, how each
// failure maps to retry or failed, and no second post when an earlier attempt got through.

const log = pino({ level: 'silent' });
let fake: FakeSlack;
let threads: Map<string, CaseThreadRecord>;
let sender: ReturnType<typeof createSlackSender>;

const store: CaseThreadStore = {
  find: async (caseId) => threads.get(caseId) ?? null,
  findByRoot: async (channelId, rootTs) => [...threads.values()].find((t) => t.channelId === channelId && t.rootTs === rootTs) ?? null,
  save: async (t) => void threads.set(t.caseId, t),
};

let n = 0;
const item = (address: Address, attempts = 1, says = 'こんにちは'): OutboxItem => ({
  id: `out-${++n}`, channel: 'slack', address, replies: [text(says)], attempts, createdAt: new Date(),
});
const root = (caseId = 'C-AAAAAAAA'): Address => ({ kind: 'slack_case_root', caseId, channelId: 'C0CASES' });
const reply = (caseId = 'C-AAAAAAAA'): Address => ({ kind: 'slack_case_thread', caseId });

beforeAll(async () => {
  fake = await startFakeSlack();
  sender = createSlackSender({ web: createWebClient({ botToken: 'xoxb-test', apiUrl: fake.apiUrl, timeoutMs: 2000, log }), threads: store, log });
});
afterAll(async () => fake?.close());
beforeEach(() => {
  threads = new Map();
  fake.messages.length = 0;
  fake.calls.length = 0;
});

describe('Slack sender', () => {
  it('posts the case card once, then updates it in place; replies go into its thread', async () => {
    const first = await sender.send(item(root()));
    expect(first).toMatchObject({ status: 'sent' });
    const thread = threads.get('C-AAAAAAAA');
    expect(thread).toMatchObject({ channelId: 'C0CASES' });
    expect(await sender.send(item(root(), 1, '更新'))).toMatchObject({ status: 'sent', result: { updated: true } });
    expect(await sender.send(item(reply()))).toMatchObject({ status: 'sent' });
    expect(fake.messages.map((m) => [m.text, m.thread_ts ?? null])).toEqual([['更新', null], ['こんにちは', thread?.rootTs]]);
    expect(fake.messages[1]?.metadata).toMatchObject({ event_type: METADATA_EVENT, event_payload: { outbox_id: `out-${n}` } });
  });

  it('does not post again when a retried item finds its earlier post', async () => {
    const first = item(root());
    await sender.send(first);
    const again = await sender.send({ ...first, attempts: 2 });
    expect(again).toMatchObject({ status: 'sent' });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    const r = item(reply());
    await sender.send(r);
    expect(await sender.send({ ...r, attempts: 3 })).toMatchObject({ status: 'sent' });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
    expect(fake.callsOf('conversations.replies')[0]?.args).toMatchObject({ include_all_metadata: true });
  });

  it('posts a retried item that never reached Slack', async () => {
    expect(await sender.send(item({ kind: 'slack_channel', channelId: 'C0OTHER' }, 2))).toMatchObject({ status: 'sent' });
    expect(fake.callsOf('conversations.history')).toHaveLength(1);
    expect(fake.messages).toHaveLength(1);
  });

  it('starts a new thread when the card was deleted in Slack', async () => {
    threads.set('C-AAAAAAAA', { caseId: 'C-AAAAAAAA', channelId: 'C0CASES', rootTs: '1.000001' });
    expect(await sender.send(item(root()))).toMatchObject({ status: 'sent' });
    expect(threads.get('C-AAAAAAAA')?.rootTs).not.toBe('1.000001');
  });

  it('keeps a thread reply for an operator when the case has no thread', async () => {
    expect(await sender.send(item(reply('C-NOTHREAD')))).toMatchObject({ status: 'failed', error: expect.stringContaining('no Slack thread') });
  });

  it.each([
    ['429 with Retry-After', { status: 429 as const, retryAfter: 7 }, { status: 'retry', retryAfterMs: 7000 }],
    ['500', { status: 500 as const }, { status: 'retry' }],
    ['internal_error', { error: 'internal_error' }, { status: 'retry' }],
    ['channel_not_found', { error: 'channel_not_found' }, { status: 'failed', error: 'Slack API error channel_not_found' }],
    ['not_in_channel', { error: 'not_in_channel' }, { status: 'failed' }],
    ['invalid_auth', { error: 'invalid_auth' }, { status: 'failed' }],
    ['a hang (timeout)', { hang: true as const }, { status: 'retry' }],
  ])('maps %s', async (_name, scripted, expected) => {
    fake.script('chat.postMessage', scripted);
    expect(await sender.send(item({ kind: 'slack_channel', channelId: 'C0X' }))).toMatchObject(expected);
    fake.releaseHung();
  });

  it('retries what is not a Web API error (the database, say)', () => {
    expect(sendOutcomeOf(new Error('connection terminated'))).toEqual({ status: 'retry', error: 'connection terminated' });
  });
});

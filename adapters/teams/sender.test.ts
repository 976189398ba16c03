import { HttpError } from '@microsoft/agents-hosting';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/core/outbox/types.js';
import { startFakeTeams, type FakeTeams } from '../../test/support/fake-teams.js';
import { botIdentity, createCloudAdapter, type ConversationReference } from './sdk.js';
import { classifySendError, createTeamsSender, retryAfterMs } from './sender.js';
import { NO_CHAT_YET, type Reachability, type TeamsStore } from './store.js';

function httpError(status: number, headers: Record<string, string> = {}): HttpError {
  const config = { method: 'post', url: 'v3/conversations/a:1/activities' } as ConstructorParameters<typeof HttpError>[2];
  return new HttpError(`Request failed with status ${status}`, { data: {}, status, statusText: '', headers: new Headers(headers), config }, config);
}

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-01T00:00:00Z');
  it.each([
    [null, undefined],
    ['', undefined],
    ['3', 3000],
    ['0', 0],
    ['Sun, 01 Nov 2026 00:00:10 GMT', 10_000],
    ['Sat, 31 Oct 2026 00:00:00 GMT', 0],
    ['soon', undefined],
  ])('%j → %j ms', (header, ms) => expect(retryAfterMs(header, now)).toBe(ms));
});

describe('classifySendError', () => {
  it.each([
    [429, { 'retry-after': '2' }, 'retry', 2000],
    [429, {}, 'retry', undefined],
    [408, {}, 'retry', undefined],
    [500, {}, 'retry', undefined],
    [503, { 'retry-after': '30' }, 'retry', 30_000],
    [400, {}, 'failed', undefined],
    [401, {}, 'failed', undefined],
    [403, {}, 'failed', undefined],
    [404, {}, 'failed', undefined],
    [413, {}, 'failed', undefined],
  ])('%i %j → %s', (status, headers, expected, after) => {
    const outcome = classifySendError(httpError(status, headers));
    expect(outcome.status).toBe(expected);
    expect(outcome.status !== 'sent' && outcome.error).toContain(String(status));
    expect(outcome.status === 'retry' ? outcome.retryAfterMs : undefined).toBe(after);
  });

  it('retries when the connector cannot be reached', () => {
    expect(classifySendError(new TypeError('fetch failed'))).toMatchObject({ status: 'retry', error: expect.stringContaining('fetch failed') });
  });
});

describe('createTeamsSender', () => {
  let fake: FakeTeams;
  const log = pino({ level: 'silent' });
  const adapter = createCloudAdapter({});
  beforeAll(async () => (fake = await startFakeTeams()));
  afterAll(async () => fake?.close());

  const reference = (): ConversationReference => ({
    serviceUrl: fake.url, channelId: 'msteams', conversation: { id: 'a:chat-1' },
    user: { id: '29:u1', aadObjectId: 'aad-1' }, agent: { id: '28:bot' },
  } as ConversationReference);
  const storeWith = (reach: Reachability): TeamsStore => ({
    saveReference: async () => undefined, reach: async () => reach, wake: async () => 0, sentCards: async () => [],
  });
  const item = (address: OutboxItem['address']): OutboxItem => ({
    id: 'o-1', channel: 'teams', address, replies: [{ type: 'text', text: 'こんにちは' }], attempts: 1, createdAt: new Date(),
  });
  const sender = (reach: Reachability, timeoutMs?: number) =>
    createTeamsSender({ adapter, identity: botIdentity({}), store: storeWith(reach), log, ...(timeoutMs ? { timeoutMs } : {}) });

  it('fails at once for a member with no Teams account, and waits for one who has not opened a chat', async () => {
    expect(await sender({ status: 'no_identity' }).send(item({ kind: 'teams_member', memberId: 'm1' }))).toMatchObject({ status: 'failed' });
    expect(await sender({ status: 'no_reference' }).send(item({ kind: 'teams_member', memberId: 'm1' })))
      .toEqual({ status: 'retry', error: NO_CHAT_YET, retryAfterMs: 15 * 60_000 });
    expect(await sender({ status: 'no_reference' }).send(item({ kind: 'line_user', userId: 'U1' }))).toMatchObject({ status: 'failed' });
  });

  it('posts a new message, or replaces an earlier one', async () => {
    const reach: Reachability = { status: 'reachable', reference: reference() };
    const sent = await sender(reach).send(item({ kind: 'teams_member', memberId: 'm1' }));
    expect(sent).toMatchObject({ status: 'sent', result: { activityId: expect.stringMatching(/^act-/), conversationId: 'a:chat-1' } });
    const updated = await sender(reach).send(item({ kind: 'teams_member', memberId: 'm1', updateActivityId: 'act-old', conversationId: 'a:chat-2' }));
    expect(updated).toMatchObject({ status: 'sent', result: { activityId: 'act-old', conversationId: 'a:chat-2' } });
    expect(fake.calls.slice(-2).map((c) => [c.method, c.conversationId])).toEqual([['POST', 'a:chat-1'], ['PUT', 'a:chat-2']]);
  });

  it('gives up on a connector that does not answer, for a retry', async () => {
    fake.failNext({ status: 0, hang: true });
    const outcome = await sender({ status: 'reachable', reference: reference() }, 300).send(item({ kind: 'teams_member', memberId: 'm1' }));
    expect(outcome).toMatchObject({ status: 'retry', error: expect.stringContaining('no answer within 300 ms') });
  });
});

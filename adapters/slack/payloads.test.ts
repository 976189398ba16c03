import { describe, expect, it } from 'vitest';
import { eventEnvelope } from '../../test/support/slack-signer.js';
import { classify, parseCaseValue } from './payloads.js';

// What reaches the handlers, and what is acked and dropped.

const message = (extra: Record<string, unknown>) => eventEnvelope('Ev1', { type: 'message', user: 'U1', channel: 'C1', text: 'メモ', ts: '2.000002', thread_ts: '1.000001', ...extra });

describe('classify', () => {
  it.each([
    ['a thread reply', message({}), { type: 'thread_message', id: 'Ev1', user: 'U1', channel: 'C1', threadTs: '1.000001', ts: '2.000002', text: 'メモ' }],
    ['a thread reply also sent to the channel', message({ subtype: 'thread_broadcast' }), { type: 'thread_message' }],
    ['the home tab', eventEnvelope('Ev2', { type: 'app_home_opened', user: 'U1', tab: 'home' }), { type: 'app_home_opened', id: 'Ev2' }],
    ['a button', { type: 'block_actions', trigger_id: 'T1', user: { id: 'U1' }, actions: [{ action_id: 'take_case', value: 'C-AAAAAAAA' }], container: { channel_id: 'C1', message_ts: '1.1' } },
      { type: 'block_actions', id: 'action:T1', actionId: 'take_case', value: 'C-AAAAAAAA', channelId: 'C1', messageTs: '1.1' }],
    ['a modal', { type: 'view_submission', trigger_id: 'T2', user: { id: 'U1' }, view: { id: 'V1', callback_id: 'ask_owner', private_metadata: '{}', state: { values: {} } } },
      { type: 'view_submission', id: 'view:T2', callbackId: 'ask_owner' }],
    ['a slash command', { command: '/bansou', text: '一覧', user_id: 'U1', channel_id: 'C1', trigger_id: 'T3', response_url: 'https://hooks.slack.com/x' },
      { type: 'slash_command', id: 'command:T3', text: '一覧', responseUrl: 'https://hooks.slack.com/x' }],
  ])('takes %s', (_name, body, expected) => {
    const c = classify(body);
    expect(c.ok).toBe(true);
    expect(c.ok && c.inbound).toMatchObject(expected);
  });

  it.each([
    ['a bot message (ours)', message({ bot_id: 'B1' })],
    ['an edit', message({ subtype: 'message_changed' })],
    ['a channel message outside threads', message({ thread_ts: undefined })],
    ['a thread root', message({ thread_ts: '2.000002' })],
    ['the messages tab', eventEnvelope('Ev3', { type: 'app_home_opened', user: 'U1', tab: 'messages' })],
    ['an event we do not use', eventEnvelope('Ev4', { type: 'reaction_added', user: 'U1' })],
    ['a malformed button', { type: 'block_actions', user: { id: 'U1' }, actions: [] }],
    ['a shortcut', { type: 'shortcut', callback_id: 'x' }],
    ['nothing', null],
  ])('drops %s', (_name, body) => {
    expect(classify(body).ok).toBe(false);
  });
});

describe('parseCaseValue', () => {
  it.each([
    ['C-AAAAAAAA', { caseId: 'C-AAAAAAAA', candidateId: null }],
    ['C-AAAAAAAA:E2E-1', { caseId: 'C-AAAAAAAA', candidateId: 'E2E-1' }],
    ['C-AAAAAAAA:', null],
    ['C-AAAAAAAA:has space', null],
    ['not-a-case:E2E-1', null],
  ])('%j', (value, expected) => expect(parseCaseValue(value)).toEqual(expected));
});

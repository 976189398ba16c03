import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signEvent, slackSignature } from '../../test/support/slack-signer.js';

// The adapter relies on Bolt's own check of Slack's v0 signature (HTTPReceiver answers 401
// when it fails). These pin the behaviour we depend on, with Bolt's injectable clock, so an
// upgrade that changes it fails here, and they prove the test signer signs as Slack does.

const SECRET = 'test-signing-secret';
const NOW = 1_800_000_000;
const body = JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'app_home_opened', user: 'U1' } });

function verify(headers: Record<string, string>, raw = body, nowSeconds = NOW): boolean {
  try {
    verifySlackRequest({
      signingSecret: SECRET, body: raw, nowMilliseconds: nowSeconds * 1000,
      headers: { 'x-slack-signature': headers['x-slack-signature'] ?? '', 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) },
    });
    return true;
  } catch {
    return false;
  }
}

describe('Slack request signatures (Bolt verifySlackRequest)', () => {
  it('matches the example in Slack documentation', () => {
    // https://docs.slack.dev/authentication/verifying-requests-from-slack (worked example)
    const docBody = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, docBody)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it.each([
    ['a fresh request', {}, body, NOW, true],
    ['one signed 4 minutes 59 seconds ago', { timestamp: NOW - 299 }, body, NOW, true],
    ['one replayed after more than 5 minutes', { timestamp: NOW - 301 }, body, NOW, false],
    ['one signed with another secret', { secret: 'forged' }, body, NOW, false],
    ['one whose body was changed', {}, body.replace('U1', 'U2'), NOW, false],
    ['an unsigned one', { unsigned: true }, body, NOW, false],
  ])('%s', (_name, options, raw, now, ok) => {
    const { headers } = signEvent(SECRET, JSON.parse(body) as Record<string, unknown>, { timestamp: NOW, ...options });
    expect(verify(headers, raw, now)).toBe(ok);
  });

  it('refuses a signature of an unknown version', () => {
    const { headers } = signEvent(SECRET, JSON.parse(body) as Record<string, unknown>, { timestamp: NOW });
    expect(verify({ ...headers, 'x-slack-signature': (headers['x-slack-signature'] ?? '').replace('v0=', 'v1=') })).toBe(false);
  });
});

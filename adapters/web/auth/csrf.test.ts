import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkCsrf, newCsrfToken, sameOrigin, tokensMatch } from './csrf.js';

const req = (headers: Record<string, string>): IncomingMessage => ({ headers: { host: 'localhost:3000', ...headers } }) as unknown as IncomingMessage;

describe('CSRF checks', () => {
  const token = newCsrfToken();

  it.each([
    ['the same token', token, true],
    ['another token', newCsrfToken(), false],
    ['a prefix', token.slice(0, 10), false],
    ['empty', '', false],
    ['missing', undefined, false],
    ['not a string', ['x'], false],
  ])('compares tokens: %s', (_name, given, ok) => {
    expect(tokensMatch(token, given)).toBe(ok);
  });

  it.each([
    ['same origin', { origin: 'http://localhost:3000' }, true],
    ['same origin behind a proxy', { origin: 'https://console.example.jp', 'x-forwarded-host': 'console.example.jp' }, true],
    ['another site', { origin: 'https://evil.example' }, false],
    ['an opaque origin', { origin: 'null' }, false],
    ['no Origin, same-origin fetch', { 'sec-fetch-site': 'same-origin' }, true],
    ['no Origin, cross-site fetch', { 'sec-fetch-site': 'cross-site' }, false],
    ['no browser headers (curl)', {}, true],
  ])('judges the origin: %s', (_name, headers, ok) => {
    expect(sameOrigin(req(headers))).toBe(ok);
  });

  it('needs a session, the same origin and the token, in that order', () => {
    expect(checkCsrf(req({}), null, token)).toBe('no_session');
    expect(checkCsrf(req({ origin: 'https://evil.example' }), token, token)).toBe('cross_origin');
    expect(checkCsrf(req({}), token, undefined)).toBe('bad_token');
    expect(checkCsrf(req({ 'x-csrf-token': token }), token, undefined)).toBe('ok');
    expect(checkCsrf(req({ origin: 'http://localhost:3000' }), token, token)).toBe('ok');
  });
});

import { HttpError } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import { classifySendError, retryAfterMs } from './sender.js';

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

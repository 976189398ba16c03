import { describe, expect, it } from 'vitest';
import { createBudget, raceSignal, sleep } from './budget.js';
import { classifyFailure } from './failures.js';

describe('budget', () => {
  it('counts down and aborts when spent', async () => {
    const budget = createBudget(60);
    expect(budget.remainingMs()).toBeGreaterThan(40);
    await expect(sleep(500, budget.signal)).rejects.toThrow(/budget of 60 ms/);
    expect(budget.remainingMs()).toBe(0);
    budget.dispose();
  });

  it('stops waiting for work that ignores the signal', async () => {
    const budget = createBudget(50);
    const never = new Promise<never>(() => undefined);
    await expect(raceSignal(never, budget.signal)).rejects.toThrow(/spent/);
    budget.dispose();
  });
});

describe('classifyFailure', () => {
  it.each([
    [Object.assign(new Error('rate'), { status: 429, headers: new Headers({ 'retry-after': '2' }) }), { reason: 'rate_limited', retryAfterMs: 2000 }],
    [Object.assign(new Error('rate'), { status: 429, headers: new Headers({ 'retry-after-ms': '150' }) }), { reason: 'rate_limited', retryAfterMs: 150 }],
    [Object.assign(new Error('rate'), { status: 429 }), { reason: 'rate_limited', retryAfterMs: null }],
    [Object.assign(new Error('x'), { status: 503 }), { reason: 'http_5xx', retryAfterMs: null }],
    [Object.assign(new Error('x'), { status: 401 }), { reason: 'http_4xx', retryAfterMs: null }],
    [new SyntaxError('Unexpected token'), { reason: 'malformed', retryAfterMs: null }],
    [Object.assign(new Error('Request timed out.'), { name: 'TimeoutError' }), { reason: 'timeout', retryAfterMs: null }],
    [new Error('something else'), { reason: 'error', retryAfterMs: null }],
  ])('%s', (error, expected) => expect(classifyFailure(error)).toEqual(expected));
});

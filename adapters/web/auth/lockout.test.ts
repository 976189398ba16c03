import { describe, expect, it } from 'vitest';
import { isLocked, lockAfter } from './lockout.js';

const now = new Date('2026-11-21T09:00:00Z');
const minutes = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 60_000 : null);

describe('sign-in lockout', () => {
  it.each([
    [1, null], [4, null], [5, 15], [6, null], [10, 30], [15, 60], [50, 24 * 60],
  ])('after %i consecutive failures locks for %s minutes', (failures, expected) => {
    expect(minutes(lockAfter(failures, now))).toBe(expected);
  });

  it('is locked only until the time set', () => {
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(new Date(now.getTime() + 1000), now)).toBe(true);
    expect(isLocked(new Date(now.getTime() - 1000), now)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseFollowUpDays, planCheckIns } from './plan.js';

describe('follow-up schedule', () => {
  it('defaults to 30, 90 and 180 days and reads a configured list', () => {
    expect(parseFollowUpDays(undefined)).toEqual([30, 90, 180]);
    expect(parseFollowUpDays('60, 14,60')).toEqual([14, 60]);
    expect(() => parseFollowUpDays('30,abc')).toThrow('FOLLOW_UP_DAYS');
  });

  it('plans one job per day, keyed by case and day', () => {
    const jobs = planCheckIns('C-1', new Date('2026-01-01T00:00:00Z'), [30, 90]);
    expect(jobs.map((j) => [j.key, j.runAt.toISOString()])).toEqual([
      ['check-in:C-1:30', '2026-01-31T00:00:00.000Z'],
      ['check-in:C-1:90', '2026-04-01T00:00:00.000Z'],
    ]);
  });
});

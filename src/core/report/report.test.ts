import { describe, expect, it } from 'vitest';
import { previousWeek, reportMessage } from './report.js';

describe('the weekly post', () => {
  it('covers the seven whole days before the day it runs, in Japan time', () => {
    // Monday 2026-11-23 09:00 JST.
    const week = previousWeek(new Date('2026-11-23T00:00:00Z'));
    expect([week.from, week.to]).toEqual(['2026-11-16', '2026-11-22']);
    expect(week.period.from?.toISOString()).toBe('2026-11-15T15:00:00.000Z');
    expect(week.period.to?.toISOString()).toBe('2026-11-22T15:00:00.000Z');
    // Just after midnight JST on Monday is already Monday.
    expect(previousWeek(new Date('2026-11-22T15:30:00Z')).to).toBe('2026-11-22');
  });

  it('reads as a short list with units', () => {
    const r = { from: '2026-11-16', to: '2026-11-22', organisationsActive: 3, casesOpened: 12, specsDrafted: 5, specsApproved: 4, introductions: 2, hires: 1, followUpsDone: 6, medianDaysToApprovedSpec: 9.5, medianDaysToHire: null };
    const text = reportMessage(r, '今週の実績');
    expect(text.split('\n')[0]).toBe('今週の実績（2026-11-16 〜 2026-11-22）');
    expect(text).toContain('・案件に取り組んだ機関：3機関');
    expect(text).toContain('・新しい相談：12件');
    expect(text).toContain('・最初の相談から承認までの日数（中央値）：9.5日');
    expect(text).toContain('・最初の相談から採用までの日数（中央値）：—');
  });
});

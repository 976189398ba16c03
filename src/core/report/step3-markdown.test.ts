import { describe, expect, it } from 'vitest';
import type { FollowUpRecord } from '../follow-up/ports.js';
import type { AnonymousProfile, StoredShortlistEntry } from '../matching/ports.js';
import { step3Markdown } from './step3-markdown.js';

const at = new Date('2026-10-01T00:00:00Z');
const entry = (candidateId: string, rank: number, state: StoredShortlistEntry['state']): StoredShortlistEntry => ({
  caseId: 'C-1', candidateId, rank, score: 0.8, reasons: [], gaps: [], state, createdAt: at, updatedAt: at,
});
const profile = (candidateId: string, headline: string): AnonymousProfile => ({
  candidateId, kind: 'senior', headline, summary: null, skillCategories: ['quality'], daysPerWeek: 2, remoteOk: true, prefecture: '埼玉県',
});
const followUp = (day: number, over: Partial<FollowUpRecord>): FollowUpRecord => ({
  caseId: 'C-1', day, dueAt: new Date(at.getTime() + day * 86_400_000), state: 'scheduled', askedAt: null,
  contribution: null, ownerWords: null, newIssue: null, signal: null, ...over,
});

describe('STEP 3 in the Markdown case sheet', () => {
  it('is empty before anyone is introduced', () => {
    expect(step3Markdown([entry('X', 1, 'proposed')], new Map(), [])).toBe('');
  });

  it('lists the introduced people as the owner saw them, and the check-ins', () => {
    const entries = [entry('A1', 1, 'approved'), entry('B2', 2, 'declined'), entry('P3', 3, 'proposed')];
    const md = step3Markdown(entries, new Map([['A1', profile('A1', '元品質保証課長')], ['B2', profile('B2', '元工場長')]]), [
      followUp(30, { state: 'answered', signal: 'new_need', newIssue: '営業の人手が足りない' }),
      followUp(90, {}),
    ]);
    expect(md).toContain('| 候補A | 元品質保証課長 | 新現役 | 検討中・面談 |');
    expect(md).toContain('| 候補B | 元工場長 | 新現役 | 見送り |');
    expect(md).not.toContain('P3');
    expect(md).toContain('| 30日目 | 2026-10-31 | 回答済み | 新しい課題あり | 営業の人手が足りない |');
    expect(md).toContain('| 90日目 | 2026-12-30 | 予定 | — | — |');
  });
});

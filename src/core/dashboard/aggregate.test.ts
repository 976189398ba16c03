import { describe, expect, it } from 'vitest';
import type { CaseStatus, Skill } from '../vocab.js';
import { byOrganisation, bySkill, figures, funnel, stalled, timeInStatus, UNASSIGNED, UNCATEGORISED } from './aggregate.js';
import type { CaseFacts, StatusChange } from './ports.js';

const T0 = new Date('2026-10-01T00:00:00Z');
const day = (n: number) => new Date(T0.getTime() + n * 24 * 60 * 60 * 1000);

function kase(id: string, status: CaseStatus, o: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id, status, createdAt: T0, lastActivityAt: T0, organisationId: 'desk', organisationName: '川口商工会',
    companyName: null, industry: null, prefecture: null, categories: [], ...o,
  };
}
const change = (caseId: string, at: Date, from: CaseStatus, to: CaseStatus): StatusChange => ({ caseId, at, from, to });

// A: approved after review; B: returned, back in review; C: still in intake; D: referred (closed from intake).
const cases = [
  kase('A', 'approved', { categories: ['quality'] as Skill[] }),
  kase('B', 'in_review', { categories: ['quality', 'sales_marketing'] as Skill[], organisationId: 'bank', organisationName: '埼玉りそな' }),
  kase('C', 'intake', { organisationId: null, organisationName: null }),
  kase('D', 'closed'),
];
const changes = [
  change('A', day(2), 'intake', 'drafted'), change('A', day(3), 'drafted', 'in_review'), change('A', day(7), 'in_review', 'approved'),
  change('B', day(4), 'intake', 'drafted'), change('B', day(5), 'drafted', 'in_review'), change('B', day(6), 'in_review', 'returned'),
  change('B', day(8), 'returned', 'in_review'),
  change('D', day(1), 'intake', 'closed'),
];

describe('dashboard aggregations', () => {
  it('counts, for each stage of the funnel, the cases that reached it and those in it now', () => {
    const stages = Object.fromEntries(funnel(cases, changes).map((s) => [s.status, [s.reached, s.current]]));
    expect(stages).toEqual({
      intake: [4, 1], drafted: [2, 0], in_review: [2, 1], approved: [1, 1], matching: [0, 0], introduced: [0, 0], hired: [0, 0],
    });
  });

  it('measures the time spent in each status from the audited changes', () => {
    const t = Object.fromEntries(timeInStatus(cases, changes, day(10)).map((s) => [s.status, s]));
    // Intake stays that ended: A 2 days, B 4 days, D 1 day; C is still there after 10 days.
    expect(t.intake).toMatchObject({ completed: 3, medianDays: 2, current: 1, currentMedianDays: 10 });
    expect(t.intake?.meanDays).toBeCloseTo(7 / 3);
    // In review: A 4 days, B 1 day (then returned); B is back in review for 2 days.
    expect(t.in_review).toMatchObject({ completed: 2, medianDays: 2.5, meanDays: 2.5, current: 1, currentMedianDays: 2 });
    expect(t.returned).toMatchObject({ completed: 1, medianDays: 2, current: 0 });
  });

  it('lists open cases idle for N days or more, longest idle first, leaving closed ones out', () => {
    const idle = [
      kase('old', 'drafted', { lastActivityAt: day(0) }), kase('recent', 'in_review', { lastActivityAt: day(25) }),
      kase('older', 'intake', { lastActivityAt: day(-5) }), kase('done', 'closed', { lastActivityAt: day(-30) }),
    ];
    expect(stalled(idle, 14, day(30)).map((c) => [c.id, c.idleDays])).toEqual([['older', 35], ['old', 30]]);
    expect(stalled(idle, 40, day(30))).toEqual([]);
  });

  it('groups cases by organisation and by skill category', () => {
    expect(byOrganisation(cases).map((r) => [r.label, r.count])).toEqual([['川口商工会', 2], [UNASSIGNED, 1], ['埼玉りそな', 1]]);
    expect(bySkill(cases).map((r) => [r.key, r.count])).toEqual([['quality', 2], ['sales_marketing', 1], ['', 2]]);
    expect(bySkill(cases).at(-1)?.label).toBe(UNCATEGORISED);
  });

  it('reports the network figures', () => {
    const data = {
      organisations: [{ id: 'desk', name: '川口商工会', isHub: false }, { id: 'bank', name: '埼玉りそな', isHub: false }, { id: 'shop', name: 'よろず', isHub: false }, { id: 'hub', name: '拠点', isHub: true }],
      cases, changes, sharedWith: ['shop'], activeAdvisors: 2,
    };
    expect(figures(data)).toEqual({
      organisations: 3, activeOrganisations: 3, casesOpened: 4, specsDrafted: 2, specsApproved: 1, introduced: 0, hired: 0, activeAdvisors: 2,
    });
  });
});

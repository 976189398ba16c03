import { emptySpec, type BusinessIssue, type JobSpec } from '../../src/core/case-sheet.js';
import type { PoolCandidate } from '../../src/core/matching/candidate.js';
import { emptyContext, type MatchContext, type MatchInput } from '../../src/core/matching/query.js';

// Builders for matching tests: a person and a case that fit each other, to be spoiled one
// field at a time.

export function person(overrides: Partial<PoolCandidate> = {}): PoolCandidate {
  return {
    id: 'P-1', kind: 'senior', prefecture: '埼玉県', remoteOk: false, daysPerWeek: 2,
    workStyles: ['advisory', 'side_job'], skillCategories: ['quality', 'production'], industries: ['manufacturing'],
    monthlyFeeMinYen: 150000, headline: '元大手自動車メーカー品質保証部長',
    summary: 'ISO9001の認証取得を5社で指導しました。工程内検査の仕組みを見直し、クレーム件数を大幅に減らしました。',
    status: 'available', ...overrides,
  };
}

export function caseInput(spec: Partial<JobSpec> = {}, extra: Partial<Omit<MatchInput, 'spec'>> = {}): MatchInput {
  const issues: BusinessIssue[] = [{ summary: '取引先からISO9001の取得を求められている', category: 'quality', priority: 1 }];
  return {
    caseId: 'C-TEST0001',
    spec: {
      ...emptySpec(), skillCategories: ['quality'], workStyles: ['side_job'], daysPerWeek: 2,
      location: { prefecture: '埼玉県', remoteOk: null }, monthlyBudgetYen: 200000, ...spec,
    },
    issues,
    talentIssues: [],
    industry: 'manufacturing',
    ...extra,
  };
}

export function context(parts: { committed?: Record<string, number>; exposure?: Record<string, number>; exclude?: string[] } = {}): MatchContext {
  return {
    ...emptyContext(),
    committedDays: new Map(Object.entries(parts.committed ?? {})),
    exposure: new Map(Object.entries(parts.exposure ?? {})),
    exclude: new Set(parts.exclude ?? []),
  };
}

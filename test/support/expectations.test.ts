import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExpectations, loadTranscriptFixtures, matches, resolvePath } from './expectations.js';

const sheet = {
  caseId: 'c1',
  company: { name: null, industry: 'manufacturing', prefecture: '静岡県', employees: 28, description: '金属部品の切削加工' },
  step1: {
    vision: null,
    issues: [
      { summary: '納期遅れ', category: 'production', priority: 1 },
      { summary: 'ISO取得', category: 'quality', priority: 2 },
    ],
    talentIssues: ['生産管理がわかる人がいない'],
  },
  step2: {
    direction: 'core_hire',
    spec: {
      duties: ['工程表の作成', '段取りの見直し'],
      workStyles: ['advisory'],
      daysPerWeek: 0.5,
      location: { prefecture: '静岡県', remoteOk: false },
      monthlyBudgetYen: 200000,
      durationMonths: null,
    },
  },
};

describe('resolvePath', () => {
  it.each([
    ['company.prefecture', '静岡県'],
    ['step2.spec.location.remoteOk', false],
    ['step1.issues[].category', ['production', 'quality']],
    ['step1.issues[].priority', [1, 2]],
    ['company.missing', undefined],
    ['company.name.deeper', undefined],
    ['company[].name', undefined],
  ])('%s', (path, want) => {
    expect(resolvePath(sheet, path)).toEqual(want);
  });

  it('rejects malformed paths', () => {
    expect(() => resolvePath(sheet, 'a..b')).toThrow(/malformed/);
    expect(() => resolvePath(sheet, 'a[0].b')).toThrow(/malformed/);
  });
});

describe('checkExpectations', () => {
  // [field, expectation, ok]
  const table: [string, unknown, boolean][] = [
    // plain values: deep equality
    ['company.prefecture', '静岡県', true],
    ['company.prefecture', '浜松', false],
    ['company.employees', 28, true],
    ['company.employees', '28', false],
    ['step2.spec.daysPerWeek', 0.5, true],
    ['step2.spec.daysPerWeek', 2, false],
    ['step2.spec.location.remoteOk', false, true],
    ['step2.spec.location.remoteOk', true, false],
    ['step2.spec.workStyles', ['advisory'], true],
    ['step2.spec.workStyles', ['advisory', 'full_time'], false],
    ['step2.spec.location', { prefecture: '静岡県', remoteOk: false }, true],
    ['step2.spec.location', { prefecture: '静岡県' }, false],
    // null: stays unknown (a missing key counts as unknown)
    ['company.name', null, true],
    ['step2.spec.durationMonths', null, true],
    ['step2.spec.persona', null, true],
    ['step2.spec.monthlyBudgetYen', null, false],
    ['step2.spec.workStyles', null, false],
    // includes
    ['step1.issues[].category', { includes: ['quality'] }, true],
    ['step1.issues[].category', { includes: ['quality', 'production'] }, true],
    ['step1.issues[].category', { includes: ['quality', 'finance'] }, false],
    ['step2.spec.workStyles', { includes: ['full_time'] }, false],
    ['company.prefecture', { includes: ['静岡県'] }, false],
    ['step2.spec.missing', { includes: ['x'] }, false],
    // contains
    ['company.description', { contains: '切削' }, true],
    ['company.description', { contains: 'めっき' }, false],
    ['company.name', { contains: '株式会社' }, false],
    ['step2.spec.duties', { contains: '段取り' }, true],
    ['step1.issues[].summary', { contains: 'ISO' }, true],
    ['step1.issues[].summary', { contains: '海外' }, false],
    // minLength
    ['step1.talentIssues', { minLength: 1 }, true],
    ['step1.talentIssues', { minLength: 2 }, false],
    ['step1.issues', { minLength: 2 }, true],
    ['company.description', { minLength: 1 }, false],
    // an object with other keys is a plain value, not an operator
    ['step2.spec.location', { contains: '静岡', remoteOk: false }, false],
  ];

  it.each(table)('%s %j → %s', (field, expectation, ok) => {
    const [result] = checkExpectations(sheet, { [field]: expectation });
    expect(result).toEqual({ field, ok, expected: expectation, actual: resolvePath(sheet, field) });
  });

  it('returns one result per expectation, in order', () => {
    const results = checkExpectations(sheet, { 'company.employees': 28, 'company.prefecture': '東京都' });
    expect(results.map((r) => [r.field, r.ok])).toEqual([
      ['company.employees', true],
      ['company.prefecture', false],
    ]);
    expect(results[1]?.actual).toBe('静岡県');
  });

  it('accepts any input as the sheet', () => {
    expect(checkExpectations(null, { 'company.name': null })[0]?.ok).toBe(true);
    expect(checkExpectations('nope', { 'company.employees': 1 })[0]?.ok).toBe(false);
  });

  it('throws on a malformed operator argument', () => {
    expect(() => matches([], { includes: 'quality' })).toThrow(/includes/);
    expect(() => matches('x', { contains: 1 })).toThrow(/contains/);
    expect(() => matches([], { minLength: -1 })).toThrow(/minLength/);
  });
});

// The fixture sets themselves: complete, well-formed, and written against the contract.
// `transcripts` is the regression set; `eval` the held-out evaluation set.
describe.each([['transcripts', 18], ['eval', 10]] as const)('test/fixtures/%s', (set, minimum) => {
  const dir = join(import.meta.dirname, '../fixtures', set);
  const fixtures = loadTranscriptFixtures(dir);

  const SKILLS = ['management_planning', 'product_development', 'sales_marketing', 'production', 'hr', 'finance',
    'overseas', 'it_dx', 'legal_ip', 'logistics', 'quality', 'pr_branding', 'succession'];
  const WORK_STYLES = ['full_time', 'secondment', 'concurrent', 'side_job', 'pro_bono', 'advisory'];
  const INDUSTRIES = ['manufacturing', 'construction', 'wholesale_retail', 'it_communications', 'transport',
    'hospitality_food', 'medical_welfare', 'agriculture_fishery', 'finance_insurance', 'real_estate', 'education',
    'services'];
  const DIRECTIONS = ['core_hire', 'core_develop', 'operational', 'non_talent'];
  const PREFECTURE = /^(北海道|東京都|京都府|大阪府|.{2,3}県)$/;

  // Every path the contract's case sheet has (`[]` over arrays of objects).
  const skeleton = {
    caseId: '', status: '',
    company: { name: null, industry: null, prefecture: null, employees: null, description: null },
    step1: { vision: null, issues: [{ summary: '', category: '', priority: 1 }], talentIssues: [] },
    step2: {
      direction: null,
      spec: {
        title: null, role: null, duties: [], persona: null, expectations: null, mustHave: [], niceToHave: [],
        skillCategories: [], workStyles: [], daysPerWeek: null, location: { prefecture: null, remoteOk: null },
        monthlyBudgetYen: null, durationMonths: null, appeal: null,
      },
    },
    missing: [],
  };
  const values = (v: unknown): unknown[] =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.values(v as Record<string, unknown>).flatMap(values)
      : [v].flat();

  it(`has at least ${minimum} numbered transcripts`, () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(minimum);
    fixtures.forEach((f, i) => expect(f.name.slice(0, 3)).toBe(`${String(i + 1).padStart(2, '0')}-`));
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s is well-formed', (_name, f) => {
    const text = readFileSync(f.file, 'utf8');
    expect(text.startsWith('# ')).toBe(true);
    expect(f.messages.length).toBeGreaterThanOrEqual(1);
    expect(f.messages.length).toBeLessThanOrEqual(8);
    expect(Object.keys(f.expected).length).toBeGreaterThan(0);
    for (const [field, expectation] of Object.entries(f.expected)) {
      const base = field.replace(/\[\]/g, '');
      // the path exists in the contract's shape
      expect(resolvePath(skeleton, field), field).not.toBe(undefined);
      expect(base.startsWith('missing') || base === 'caseId' || base === 'status', field).toBe(false);
      // codes and prefectures are the contract's
      const vocab = field === 'company.industry' ? INDUSTRIES
        : field === 'step2.direction' ? DIRECTIONS
        : field === 'step2.spec.workStyles' ? WORK_STYLES
        : field === 'step2.spec.skillCategories' || field === 'step1.issues[].category' ? SKILLS
        : null;
      for (const v of values(expectation).filter((x) => x !== null && typeof x !== 'number')) {
        if (vocab && typeof v === 'string') expect(vocab, `${field}: ${v}`).toContain(v);
        if (field.endsWith('prefecture') && typeof v === 'string') expect(v, field).toMatch(PREFECTURE);
      }
    }
  });

  it.skipIf(set !== 'transcripts')('covers every direction, work style and a few null assertions', () => {
    const all = fixtures.map((f) => f.expected);
    for (const d of DIRECTIONS) expect(all.some((e) => e['step2.direction'] === d), d).toBe(true);
    for (const w of WORK_STYLES) {
      expect(all.some((e) => values(e['step2.spec.workStyles']).includes(w)), w).toBe(true);
    }
    expect(all.filter((e) => Object.values(e).includes(null)).length).toBeGreaterThanOrEqual(3);
  });
});

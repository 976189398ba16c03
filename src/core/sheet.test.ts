import { describe, expect, it } from 'vitest';
import { caseSheetSchema, emptyFields } from './case-sheet.js';
import { setField } from './intake/fields.js';
import { toCaseSheet } from './sheet.js';
import { caseSheetMarkdown } from './sheet-markdown.js';

function sample() {
  let f = emptyFields();
  f = setField(f, 'company.name', '株式会社マルサ水産');
  f = setField(f, 'company.prefecture', '宮城県');
  f = setField(f, 'company.industry', 'manufacturing');
  f = setField(f, 'step1.issues', [
    { summary: '人手が足りない', category: null, priority: 2 },
    { summary: '首都圏への販路開拓', category: 'sales_marketing', priority: 1 },
  ]);
  f = setField(f, 'step2.direction', 'core_hire');
  f = setField(f, 'step2.spec.monthlyBudgetYen', 100000);
  return f;
}

describe('case sheet', () => {
  it('matches the contract schema, orders issues by priority and lists what is missing', () => {
    const sheet = toCaseSheet('C-TEST0001', 'intake', sample(), []);
    expect(caseSheetSchema.parse(sheet)).toEqual(sheet);
    expect(sheet.step1.issues.map((i) => i.priority)).toEqual([1, 2]);
    expect(sheet.missing).toContain('company.employees');
    expect(sheet.missing).toContain('step2.spec.daysPerWeek');
    expect(sheet.missing).not.toContain('company.name');
  });

  it('does not ask for spec fields once the direction is non_talent', () => {
    const f = setField(sample(), 'step2.direction', 'non_talent');
    expect(toCaseSheet('C-TEST0001', 'closed', f, []).missing.some((m) => m.startsWith('step2.spec'))).toBe(false);
  });

  it('counts a field answered 「なし」 as known', () => {
    const sheet = toCaseSheet('C-TEST0001', 'intake', sample(), ['step2.spec.niceToHave']);
    expect(sheet.missing).not.toContain('step2.spec.niceToHave');
  });

  it('renders a 企業情報シート in Markdown, showing unknowns as unknown', () => {
    const md = caseSheetMarkdown(toCaseSheet('C-TEST0001', 'intake', sample(), []));
    expect(md).toContain('# 企業情報シート（案件 C-TEST0001）');
    expect(md).toContain('| 会社名 | 株式会社マルサ水産 |');
    expect(md).toContain('| 予算 | 月10万円まで |');
    expect(md).toContain('| 従業員数 | （未確認） |');
    expect(md.indexOf('1. 首都圏への販路開拓')).toBeLessThan(md.indexOf('2. 人手が足りない'));
  });
});

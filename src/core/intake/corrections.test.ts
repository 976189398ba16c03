import { describe, expect, it } from 'vitest';
import { loadIntakeContent } from './content.js';
import { parseLabelledValue } from './corrections.js';

const content = loadIntakeContent();

describe('parseLabelledValue', () => {
  it.each([
    ['日数は週2日に変更', 'step2.spec.daysPerWeek', '週2日'],
    ['予算：月20万円', 'step2.spec.monthlyBudgetYen', '月20万円'],
    ['予算は月20万円でお願いします', 'step2.spec.monthlyBudgetYen', '月20万円'],
    ['タイトルは品質の右腕募集', 'step2.spec.title', '品質の右腕募集'],
    ['従業員数は30人です', 'company.employees', '30人'],
    ['従業員は30人に修正してください', 'company.employees', '30人'],
    ['会社の魅力は地域で一番の技術です', 'step2.spec.appeal', '地域で一番の技術'],
  ])('%s → %s', (said, field, value) => {
    const parsed = parseLabelledValue(content, said);
    expect(parsed?.question.field).toBe(field);
    expect(parsed?.valueText).toBe(value);
  });

  it.each(['ありがとうございます', '品質が大事です', '日数は'])('finds no field in 「%s」', (said) => {
    expect(parseLabelledValue(content, said)).toBeNull();
  });
});

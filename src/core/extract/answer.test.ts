import { describe, expect, it } from 'vitest';
import { ANSWER_FIELDS, answerFor } from './extractor.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();

describe('answerFor: numbers', () => {
  it.each([
    ['company.employees', '28', 28],
    ['company.employees', '28人', 28],
    ['company.employees', '２８名です', 28],
    ['company.employees', '二十人くらい', 20],
    ['company.employees', '社員は15名ほど', 15],
    ['step2.spec.daysPerWeek', '2', 2],
    ['step2.spec.daysPerWeek', '週2', 2],
    ['step2.spec.daysPerWeek', '1〜2日', 2],
    ['step2.spec.daysPerWeek', '月に2回', 0.5],
    ['step2.spec.daysPerWeek', '半日', 0.5],
    ['step2.spec.monthlyBudgetYen', '15', 150_000],
    ['step2.spec.monthlyBudgetYen', '15万', 150_000],
    ['step2.spec.monthlyBudgetYen', '15万円くらい', 150_000],
    ['step2.spec.monthlyBudgetYen', '150000円', 150_000],
    ['step2.spec.monthlyBudgetYen', '十五万', 150_000],
    ['step2.spec.monthlyBudgetYen', '年間120万', 100_000],
    ['step2.spec.durationMonths', '半年', 6],
    ['step2.spec.durationMonths', '1年', 12],
    ['step2.spec.durationMonths', '3ヶ月', 3],
    ['step2.spec.durationMonths', '3', 3],
  ])('%s ← %s → %s', (field, text, value) => {
    expect(answerFor(field, text, lex)).toBe(value);
  });

  it.each([
    ['company.employees', 'たくさん'],
    ['step2.spec.daysPerWeek', '10'],
    ['step2.spec.daysPerWeek', 'そのうち'],
    ['step2.spec.monthlyBudgetYen', 'まだわからない'],
    ['step2.spec.durationMonths', 'ずっと'],
  ])('%s ← %s → undefined', (field, text) => {
    expect(answerFor(field, text, lex)).toBeUndefined();
  });
});

describe('answerFor: yes/no, codes and choices', () => {
  it.each([
    ['step2.spec.location.remoteOk', 'はい', true],
    ['step2.spec.location.remoteOk', '可能です', true],
    ['step2.spec.location.remoteOk', '大丈夫', true],
    ['step2.spec.location.remoteOk', 'オンラインでも大丈夫', true],
    ['step2.spec.remoteOk', 'OK', true],
    ['step2.spec.location.remoteOk', 'いいえ', false],
    ['step2.spec.location.remoteOk', '不可', false],
    ['step2.spec.location.remoteOk', '来てほしい', false],
    ['step2.spec.location.remoteOk', 'リモートは難しい', false],
    ['company.prefecture', '浜松です', '静岡県'],
    ['company.prefecture', '宮城県', '宮城県'],
    ['step2.spec.location.prefecture', '東京', '東京都'],
    ['company.industry', '旅館', 'hospitality_food'],
    ['company.industry', 'めっき加工です', 'manufacturing'],
    ['company.industry', 'スーパー', 'wholesale_retail'],
    ['step2.direction', '2', 'core_develop'],
    ['step2.direction', '1番で', 'core_hire'],
    ['step2.direction', '中核人材育成', 'core_develop'],
    ['step2.direction', '社内で育てたい', 'core_develop'],
    ['step2.direction', '外部から採用', 'core_hire'],
  ])('%s ← %s → %s', (field, text, value) => {
    expect(answerFor(field, text, lex)).toBe(value);
  });

  it.each([
    ['step2.spec.skillCategories', '品質と営業', ['quality', 'sales_marketing']],
    ['step2.spec.skillCategories', 'ISOとか品質管理', ['quality']],
    ['step2.spec.workStyles', '副業か顧問で', ['side_job', 'advisory']],
    ['step2.spec.workStyles', 'フルタイムは無理なので業務委託', ['advisory']],
  ])('%s ← %s → %j', (field, text, value) => {
    expect(answerFor(field, text, lex)).toEqual(value);
  });

  it.each([
    ['step2.spec.location.remoteOk', 'うーん'],
    ['step2.direction', '9'],
    ['step2.spec.skillCategories', 'とくに'],
    ['company.prefecture', '首都圏'],
    ['no.such.field', '28'],
  ])('%s ← %s → undefined', (field, text) => {
    expect(answerFor(field, text, lex)).toBeUndefined();
  });
});

describe('answerFor: lists and free text', () => {
  it.each([
    ['step2.spec.duties', 'ISO取得の準備、品質データの整備・社員教育', ['ISO取得の準備', '品質データの整備', '社員教育']],
    ['step2.spec.mustHave', '品質保証の経験\nISO9001の知識', ['品質保証の経験', 'ISO9001の知識']],
    ['step2.spec.niceToHave', '英語/中国語', ['英語', '中国語']],
    ['step2.spec.duties', '・営業資料の作成\n・EC運営です。', ['営業資料の作成', 'EC運営']],
  ])('%s ← %j → %j', (field, text, value) => {
    expect(answerFor(field, text, lex)).toEqual(value);
  });

  it.each([
    ['company.name', '山田屋旅館です', '山田屋旅館'],
    ['company.name', '株式会社マルサ水産と申します', '株式会社マルサ水産'],
    ['company.description', '電子部品のめっき加工。', '電子部品のめっき加工'],
    ['step1.vision', '  地域一番の旅館にしたい。 ', '地域一番の旅館にしたい'],
    ['step2.spec.title', '品質保証アドバイザー', '品質保証アドバイザー'],
    ['step2.spec.role', '品質管理の立ち上げ', '品質管理の立ち上げ'],
    ['step2.spec.persona', '話をよく聞いてくれる人', '話をよく聞いてくれる人'],
    ['step2.spec.expectations', 'ISOを1年で取る', 'ISOを1年で取る'],
    ['step2.spec.appeal', '温泉と料理が自慢です。', '温泉と料理が自慢です'],
  ])('%s ← %j → %j', (field, text, value) => {
    expect(answerFor(field, text, lex)).toBe(value);
  });

  it('reads issues and talent issues, falling back to the whole answer', () => {
    expect(answerFor('step1.issues', '売上が落ちてる', lex)).toEqual([{ summary: '売上が落ちてる', category: 'sales_marketing' }]);
    expect(answerFor('step1.issues', 'ISOのこと', lex)).toEqual([{ summary: 'ISOのこと', category: 'quality' }]);
    expect(answerFor('step1.talentIssues', '営業できる人がいない', lex)).toEqual(['営業できる人がいない']);
  });

  it.each([
    ['company.name', 'はい'],
    ['company.description', 'わからない'],
    ['step2.spec.duties', 'あとで'],
    ['step2.spec.appeal', '   '],
  ])('%s ← %j (an intent or nothing) → undefined', (field, text) => {
    expect(answerFor(field, text, lex)).toBeUndefined();
  });

  it('lists every supported field', () => {
    expect(ANSWER_FIELDS).toEqual(expect.arrayContaining([
      'company.employees', 'company.name', 'company.description', 'step1.vision',
      'step2.spec.daysPerWeek', 'step2.spec.duties', 'step2.spec.mustHave',
      'step2.spec.location.remoteOk', 'step2.spec.appeal', 'step2.direction',
    ]));
  });
});

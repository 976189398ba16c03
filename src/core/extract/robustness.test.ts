import { describe, expect, it } from 'vitest';
import { emptyExtraction } from './extraction.js';
import { ANSWER_FIELDS, answerFor, detectIntent, extract } from './extractor.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();

const GARBAGE: string[] = [
  '',
  ' ',
  '\n\n\n',
  '\u0000\uFFFD',
  '\u0000'.repeat(100),
  '\uD800\uDC00\uDBFF',
  '😀🎉🍣🙇‍♂️',
  'Hello, we are a small plating company in Saitama.',
  '。。。、、、！！？？',
  '((((((((((((',
  '週週週週月月月年年年万万万円円円',
  '1'.repeat(500),
  '一二三四五六七八九十百千万億'.repeat(50),
  '〜〜〜〜〜〜',
  '<script>alert(1)</script>',
  'a'.repeat(10_000),
  'あ'.repeat(10_000),
  String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536)),
];

describe('never throws', () => {
  it.each(GARBAGE.map((g) => [g.slice(0, 20), g]))('extract(%j…) gives an empty extraction', (_label, text) => {
    const e = extract(text, lex);
    expect(e).toEqual(emptyExtraction());
  });

  it.each(GARBAGE.map((g) => [g.slice(0, 20), g]))('detectIntent / answerFor on %j… do not throw', (_label, text) => {
    expect(() => detectIntent(text, lex)).not.toThrow();
    for (const field of ANSWER_FIELDS) expect(() => answerFor(field, text, lex)).not.toThrow();
  });

  it('accepts non-string input from untyped callers', () => {
    expect(extract(undefined as unknown as string, lex)).toEqual(emptyExtraction());
    expect(answerFor('company.employees', null as unknown as string, lex)).toBeUndefined();
  });
});

// Speed is measured by `npm run bench` (the engine per turn and an interview memo), not
// asserted here: a timed test fails on a loaded machine without the code being at fault.
describe('long input', () => {
  const memo = `面談メモ：株式会社マルサ水産（宮城県気仙沼市、水産加工、従業員42名）。${
    '社長は二代目で、主力の冷凍ホタテ加工品の売上が地元卸向けに偏っており、首都圏の量販店やECへの販路開拓が最大の課題との認識。営業は社長が一人で兼務しており、商談資料やECサイトの運営ノウハウが社内にない。'.repeat(60)
  }`.slice(0, 5000);

  it('reads a 5,000-character memo as it reads a short one', () => {
    expect(memo.length).toBe(5000);
    const result = extract(memo, lex);
    expect(result.company).toMatchObject({ prefecture: '宮城県', employees: 42 });
    expect(result.issues.map((i) => i.category)).toContain('sales_marketing');
  });
});

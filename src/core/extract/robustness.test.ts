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

describe('speed', () => {
  const message = 'こんにちは、川口で電子部品のめっき加工をやってます。社員は28人です。取引先からISO9001を取ってくれと言われてて困ってます。'
    + 'できれば大手で品質保証やってたような人に来てほしい。フルタイムで雇う余裕はないので週1か2日くらいで。費用は月15万くらいまでなら出せます。';
  const memo = `面談メモ：株式会社マルサ水産（宮城県気仙沼市、水産加工、従業員42名）。${
    '社長は二代目で、主力の冷凍ホタテ加工品の売上が地元卸向けに偏っており、首都圏の量販店やECへの販路開拓が最大の課題との認識。営業は社長が一人で兼務しており、商談資料やECサイトの運営ノウハウが社内にない。'.repeat(60)
  }`.slice(0, 5000);

  function averageMs(text: string, runs: number): number {
    extract(text, lex);
    const start = performance.now();
    for (let i = 0; i < runs; i++) extract(text, lex);
    return (performance.now() - start) / runs;
  }

  it('handles a 200-character message well under 1 ms', () => {
    expect(message.length).toBeLessThanOrEqual(200);
    expect(averageMs(message, 200)).toBeLessThan(1);
  });

  it('handles a 5,000-character memo under 5 ms', () => {
    expect(memo.length).toBe(5000);
    expect(averageMs(memo, 20)).toBeLessThan(5);
  });
});

import { describe, expect, it } from 'vitest';
import { bigramSet, forEachBigram, normalizeText, sharedPhrases } from './text.js';

const bigrams = (text: string) => {
  const out: string[] = [];
  forEachBigram(normalizeText(text), (code) => out.push(String.fromCharCode(Math.floor(code / 0x10000), code % 0x10000)));
  return out;
};

describe('bigrams of Japanese text', () => {
  it.each([
    ['kanji and katakana words', '品質保証のリーダー', ['品質', '質保', '保証', 'リー', 'ーダ', 'ダー']],
    ['no pairs across hiragana, spaces or punctuation', '経営、販路 の開拓', ['経営', '販路', '開拓']],
    ['full-width Latin folded to lower-case ASCII', 'ＩＳＯ9001', ['is', 'so', 'o9', '90', '00', '01']],
    ['nothing from hiragana alone', 'よろしくおねがいします', []],
  ])('%s', (_name, text, expected) => {
    expect(bigrams(text)).toEqual(expected);
  });
});

describe('sharedPhrases', () => {
  it('finds the longest runs a record shares with an issue, rarest first, in the record’s own case', () => {
    const issue = bigramSet(normalizeText('取引先からiso9001の取得と品質保証体制を求められている'));
    const found = sharedPhrases(normalizeText('ISO9001の認証取得を指導。品質保証部長'), issue, () => 1);
    expect(found.map((p) => p.phrase)).toEqual(['ISO9001', '品質保証', '取得']);
  });
});

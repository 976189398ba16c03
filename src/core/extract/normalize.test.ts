import { describe, expect, it } from 'vitest';
import { normalizeText, parseJapaneseNumber, roundTo, trimSentence } from './normalize.js';

describe('parseJapaneseNumber', () => {
  it.each([
    ['28', 28],
    ['２８', null], // callers normalise first; full-width digits are not parsed raw
    ['一', 1],
    ['二', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十八', 28],
    ['百', 100],
    ['三百五十', 350],
    ['千', 1000],
    ['三千五百', 3500],
    ['万', 10_000],
    ['五万', 50_000],
    ['十五万', 150_000],
    ['15万', 150_000],
    ['1.5', 1.5],
    ['1.5万', 15_000],
    ['1万5千', 15_000],
    ['15万5千', 155_000],
    ['150,000', 150_000],
    ['二〇二四', 2024],
    ['1億', 100_000_000],
    ['', null],
    ['abc', null],
    ['1..2', null],
    ['十五万円', null],
  ])('%s → %s', (raw, expected) => {
    expect(parseJapaneseNumber(raw)).toBe(expected);
  });
});

describe('normalizeText', () => {
  it.each([
    ['社員は２８人', '社員は28人'],
    ['ＩＳＯ９００１', 'ISO9001'],
    ['（株）マルサ水産', '(株)マルサ水産'],
    ['㈱マルサ', '(株)マルサ'],
    ['週1～2日', '週1〜2日'],
    ['週1~2日', '週1〜2日'],
    ['週1〜2日', '週1〜2日'],
    ['  川口で　めっき  ', '川口で めっき'],
    ['一行目\r\n\r\n二行目', '一行目\n二行目'],
    ['ﾒｯｷ加工', 'メッキ加工'],
    ['\u0000\uFFFD品質\u200B', '品質'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('bounds very long input', () => {
    expect(normalizeText('あ'.repeat(50_000)).length).toBe(20_000);
  });

  it('survives a lone surrogate', () => {
    expect(normalizeText('品質\uD800管理')).toBe('品質管理');
  });
});

describe('small helpers', () => {
  it.each([
    [0.5, 0.5],
    [1 / 3, 0.33],
    [2 / 3, 0.67],
  ])('roundTo(%f) → %f', (v, expected) => {
    expect(roundTo(v, 2)).toBe(expected);
  });

  it.each([
    ['電子部品のめっき加工です。', '電子部品のめっき加工です'],
    ['  温泉旅館  ', '温泉旅館'],
    ['、品質管理。。', '品質管理'],
  ])('trimSentence(%j)', (raw, expected) => {
    expect(trimSentence(raw)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { Matcher, phraseSet, trieSource } from './matcher.js';

describe('Matcher', () => {
  const m = new Matcher<string>([
    ['東京', 'tokyo'], ['東京都', 'tokyo-to'], ['京都', 'kyoto'], ['EC', 'ec'], ['越境EC', 'cross-border'],
    ['ISO', 'iso'], ['ノウハウが*ない', 'no-know-how'], ['５S', 'five-s'],
  ]);
  const found = (text: string) => m.findAll(text).map((h) => [h.text, h.value]);

  it.each([
    ['東京都の会社', [['東京都', 'tokyo-to']]],
    ['東京と京都', [['東京', 'tokyo'], ['京都', 'kyoto']]],
    ['ECサイトと越境EC', [['EC', 'ec'], ['越境EC', 'cross-border']]],
    ['SECRET', []],
    ['iso9001を取る', [['iso', 'iso']]],
    ['運営ノウハウが社内にない', [['ノウハウが社内にない', 'no-know-how']]],
    ['工場の5S活動', [['5S', 'five-s']]],
    ['', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('gives distinct values in order and the first and last hits', () => {
    expect(m.values('東京、京都、東京')).toEqual(['tokyo', 'kyoto']);
    expect(m.first('京都と東京')?.value).toBe('kyoto');
    expect(m.last('京都と東京')?.value).toBe('tokyo');
  });

  it('is reusable: a global regex does not leak state between calls', () => {
    expect(m.test('東京')).toBe(true);
    expect(m.test('東京')).toBe(true);
    expect(phraseSet([]).test('anything')).toBe(false);
  });

  it('builds a trie regex that prefers the longest keyword', () => {
    const re = new RegExp(trieSource(['福岡', '福岡県', '福島']), 'u');
    expect(re.exec('福岡県で')?.[0]).toBe('福岡県');
    expect(re.exec('福島で')?.[0]).toBe('福島');
  });
});

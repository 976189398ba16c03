import { describe, expect, it } from 'vitest';
import { detectIntent } from './extractor.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();

describe('detectIntent', () => {
  it.each([
    ['ヘルプ', 'help'],
    ['help', 'help'],
    ['使い方', 'help'],
    ['使い方を教えて', 'help'],
    ['最初から', 'restart'],
    ['やり直し', 'restart'],
    ['最初からやり直したい', 'restart'],
    ['はい', 'yes'],
    ['OK', 'yes'],
    ['ok!', 'yes'],
    ['ＯＫです', 'yes'],
    ['この内容でOK', 'yes'],
    ['大丈夫です', 'yes'],
    ['お願いします', 'yes'],
    ['はい、お願いします', 'yes'],
    ['それでいい', 'yes'],
    ['👍', 'yes'],
    ['修正する', 'fix'],
    ['直したい', 'fix'],
    ['違う', 'fix'],
    ['違います。', 'fix'],
    ['いいえ', 'fix'],
    ['わからない', 'unknown'],
    ['分かりません', 'unknown'],
    ['わかりません。', 'unknown'],
    ['えーと、わからないです', 'unknown'],
    ['不明', 'unknown'],
    ['決めていない', 'unknown'],
    ['まだ決めてないです', 'unknown'],
    ['あとで', 'later'],
    ['後で', 'later'],
    ['また今度', 'later'],
    ['保留', 'later'],
    ['また連絡します', 'later'],
    ['いいえ、大丈夫です', 'yes'],
  ])('%s → %s', (text, intent) => {
    expect(detectIntent(text, lex)).toBe(intent);
  });

  it.each([
    ['品質がわからない人ばかり'],
    ['わからないことが多くて困ってる'],
    ['いや、静岡じゃなくて愛知です'],
    ['はい、でも週2日で'],
    ['やっぱり週2日で'],
    ['あとで話すけど、売上が落ちている'],
    ['川口で電子部品のめっき加工をやってます'],
    ['大丈夫じゃない'],
    ['No problem at all, we make plated parts'],
    [''],
    ['   '],
    ['はい'.repeat(40)],
  ])('%j is not an intent', (text) => {
    expect(detectIntent(text, lex)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { asExperience, teToDictionary } from './verbs.js';

describe('teToDictionary', () => {
  it.each([
    ['準備を進めて', '準備を進める'],
    ['若手を育てて', '若手を育てる'],
    ['数字の見方を教えて', '数字の見方を教える'],
    ['現場を見て', '現場を見る'],
    ['報告書を書いて', '報告書を書く'],
    ['ECサイトを作って', 'ECサイトを作る'],
    ['海外営業を手伝って', '海外営業を手伝う'],
    ['責任を持って', '責任を持つ'],
    ['資料を読んで', '資料を読む'],
    ['ISO取得の準備をして', 'ISO取得の準備をする'],
    ['仕組みを見直して', '仕組みを見直す'],
    ['取引先を増やして', '取引先を増やす'],
    ['現場に来て', '現場に来る'],
    ['東京に行って', '東京に行く'],
    ['急いで', '急ぐ'],
    ['管理して', '管理する'],
  ])('%s → %s', (te, dictionary) => {
    expect(teToDictionary(te)).toBe(dictionary);
  });
});

describe('asExperience', () => {
  it.each([
    ['大手で品質保証やってた', '大手で品質保証やっていた経験'],
    ['商社で営業していた', '商社で営業していた経験'],
    ['大手メーカーの知的財産部におられた', '大手メーカーの知的財産部におられた経験'],
    ['元気な', null],
  ])('%s → %s', (phrase, experience) => {
    expect(asExperience(phrase)).toBe(experience);
  });
});

import { describe, expect, it } from 'vitest';
import { extract } from './extractor.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();

describe('company.industry', () => {
  it.each([
    ['川口で電子部品のめっき加工をやってます', 'manufacturing'],
    ['めっき加工で困ってます', 'manufacturing'],
    ['水産加工の会社です', 'manufacturing'],
    ['食品加工の工場です', 'manufacturing'],
    ['長野の温泉旅館です', 'hospitality_food'],
    ['居酒屋をやってます', 'hospitality_food'],
    ['気仙沼で漁業をやってます', 'agriculture_fishery'],
    ['農家です', 'agriculture_fishery'],
    ['果樹園を営んでいます', 'agriculture_fishery'],
    ['うちは工務店です', 'construction'],
    ['介護施設を運営しています', 'medical_welfare'],
    ['運送会社をやってます', 'transport'],
    ['スーパーを経営しています', 'wholesale_retail'],
    ['小売業です', 'wholesale_retail'],
    ['ソフトウェア開発の会社です', 'it_communications'],
    ['不動産業を営んでいます', 'real_estate'],
    ['学習塾を経営しています', 'education'],
    ['美容院をやっています', 'services'],
    ['保険代理店です', 'finance_insurance'],
    ['うちは信用金庫です', 'finance_insurance'],
    ['燕市でステンレスの洋食器を作っている会社です', 'manufacturing'],
    ['今治でタオルを製造しております', 'manufacturing'],
    ['岐阜県の関市で包丁とはさみを作っております', 'manufacturing'],
    ['弘前でりんご園やってる', 'agriculture_fishery'],
    ['鶴岡でクリーニング屋やってます', 'services'],
    ['仙台で美容室を３店舗やってます', 'services'],
    ['鹿屋でデイサービスとグループホームをやっています', 'medical_welfare'],
    ['面談メモ：株式会社マルサ水産（宮城県気仙沼市、水産加工、従業員42名）。首都圏の量販店への販路開拓が課題', 'manufacturing'],
  ])('%s → %s', (text, industry) => {
    expect(extract(text, lex).company.industry).toBe(industry);
  });

  it.each([
    ['数字の見方とか、銀行との付き合い方とかを教えてくれる人がいたらいいんだが'],
    ['取引先の工場から言われてます'],
    ['売上が地元卸向けに偏っている'],
    ['大手メーカー出身の人に来てほしい'],
    ['首都圏の量販店に売り込みたい'],
    ['毎日仕事しています'],
    ['品質管理をしています'],
  ])('%s sets no industry (customer, partner or hire)', (text) => {
    expect(extract(text, lex).company.industry).toBeUndefined();
  });
});

describe('company.employees', () => {
  it.each([
    ['社員は28人です', 28],
    ['従業員は15名ほど', 15],
    ['従業員42名', 42],
    ['社員数３０人', 30],
    ['社員は二十人くらい', 20],
    ['スタッフは全部で十二名', 12],
    ['パート含めて50人くらいでやってます', 50],
    ['28人の会社です', 28],
    ['大工と事務あわせて二十人', 20],
    ['うちは小さな町工場で、社長の私と職人が10人くらい', 10],
    ['法人にしてて、家族と社員で８人', 8],
    ['従業員85名〈パート含む〉。ベテラン社員2名の経験に頼っている', 85],
  ])('%s → %i', (text, employees) => {
    expect(extract(text, lex).company.employees).toBe(employees);
  });

  it.each([
    ['スタッフが2人辞めた'],
    ['ベテラン社員2名の経験と勘に頼っている'],
    ['社員が3人足りない'],
    ['私ももう70で'],
    ['週1か2日くらいで'],
    ['月に2回くらい'],
  ])('%s sets no employee count', (text) => {
    expect(extract(text, lex).company.employees).toBeUndefined();
  });
});

describe('company.name (explicit only)', () => {
  it.each([
    ['面談メモ：株式会社マルサ水産（宮城県気仙沼市）', '株式会社マルサ水産'],
    ['有限会社山田製作所です', '有限会社山田製作所'],
    ['（株）丸山鉄工です', '(株)丸山鉄工'],
    ['丸山鉄工株式会社の丸山と申します', '丸山鉄工株式会社'],
    ['うちは山田屋旅館です', '山田屋旅館'],
    ['屋号は鶴の湯です', '鶴の湯'],
    ['社名はマルサ水産で、気仙沼にあります', 'マルサ水産'],
    ['株式会社かが膳（石川県金沢市、和食・割烹）', '株式会社かが膳'],
    ['株式会社マルサ水産の社長です', '株式会社マルサ水産'],
  ])('%s → %s', (text, name) => {
    expect(extract(text, lex).company.name).toBe(name);
  });

  it.each([
    ['長野の温泉旅館です'],
    ['うちは温泉旅館です'],
    ['うちは八百屋です'],
    ['うちは小さな工務店です'],
    ['川口で電子部品のめっき加工をやってます'],
  ])('%s gives no name', (text) => {
    expect(extract(text, lex).company.name).toBeUndefined();
  });
});

describe('company.description (self-description only)', () => {
  it.each([
    ['こんにちは、川口で電子部品のめっき加工をやってます。社員は28人です', '電子部品のめっき加工'],
    ['長野の温泉旅館です。従業員は15名ほど', '温泉旅館'],
    ['ソフトウェア開発の会社です', 'ソフトウェア開発'],
    ['うちは工務店です', '工務店'],
    ['埼玉県川口市で金属加工をしています', '金属加工'],
    ['燕市でステンレスの洋食器を作っている会社です', 'ステンレスの洋食器'],
    ['仙台で美容室を３店舗やってます', '美容室'],
    ['うちは小さな町工場で、社長の私と職人が10人くらい', '小さな町工場'],
    ['弘前でりんご園やってる', 'りんご園'],
    ['面談メモ：株式会社中西プレス工業（大阪府東大阪市、金属プレス加工・金型製作、従業員60名）', '金属プレス加工・金型製作'],
    ['株式会社丸一ストア（岩手県一関市、食品スーパー3店舗、従業員85名）', '食品スーパー'],
  ])('%s → %s', (text, description) => {
    expect(extract(text, lex).company.description).toBe(description);
  });

  it('reads the memo profile and main product', () => {
    const memo = '面談メモ：株式会社マルサ水産（宮城県気仙沼市、水産加工、従業員42名）。主力の冷凍ホタテ加工品の売上が偏っている。';
    expect(extract(memo, lex).company.description).toContain('水産加工');
  });

  it.each([
    ['品質のデータとかちゃんと取れてなくて'],
    ['うちは山田屋旅館です'],
    ['社員は28人です'],
    ['月に2回くらい来てもらって相談に乗ってもらえれば十分です'],
  ])('%s gives no description', (text) => {
    expect(extract(text, lex).company.description).toBeUndefined();
  });
});

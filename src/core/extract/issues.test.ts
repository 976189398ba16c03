import { describe, expect, it } from 'vitest';
import { extract } from './extractor.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();

describe('issue categories from skills.yaml', () => {
  it.each([
    ['取引先からISO9001を取ってくれと言われてて困ってます', 'quality'],
    ['不良品が多くて困っている', 'quality'],
    ['クレームが増えて悩んでいる', 'quality'],
    ['検査の仕組みがなくて困ってる', 'quality'],
    ['販路を広げたい', 'sales_marketing'],
    ['売上が落ちている', 'sales_marketing'],
    ['ECで通販を始めたい', 'sales_marketing'],
    ['新規顧客を増やしたい', 'sales_marketing'],
    ['首都圏の量販店への営業が課題', 'sales_marketing'],
    ['そろそろ息子に継がせたいと思ってる', 'succession'],
    ['事業承継をどうするかが課題', 'succession'],
    ['資金繰りが厳しい', 'finance'],
    ['決算書の数字が読めなくて困ってる', 'finance'],
    ['システムが古くて困っている', 'it_dx'],
    ['DXを進めたいが課題が多い', 'it_dx'],
    ['採用がうまくいかず困っている', 'hr'],
    ['社員教育の仕組みがないのが課題', 'hr'],
    ['輸出を始めたい', 'overseas'],
    ['海外展開が課題', 'overseas'],
    ['POSデータは蓄積されているが誰も活用できていない', 'it_dx'],
    ['ほとんど直売所でしか売れてない', 'sales_marketing'],
    ['評価とか給料の決め方が私の感覚なので、ちゃんとした仕組みを作りたい', 'hr'],
    ['特許や商標には手をつけてこなかったので、何から始めればよいのかわかりません', 'legal_ip'],
    ['納期に間に合わない', 'production'],
    ['生産の工程がうまく回らない', 'production'],
    ['新商品の開発が進まない', 'product_development'],
    ['特許の契約で困っている', 'legal_ip'],
    ['在庫が多すぎて困っている', 'logistics'],
    ['配送費が高騰している', 'logistics'],
    ['知名度が低いのが悩み', 'pr_branding'],
    ['SNSでの発信ができていない', 'pr_branding'],
    ['新規事業を始めたい', 'management_planning'],
    ['経営計画を作りたい', 'management_planning'],
  ])('%s → %s', (text, category) => {
    const { issues } = extract(text, lex);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.category).toBe(category);
  });

  it('gives a null category when no skill word appears', () => {
    expect(extract('最近ちょっと困ってるんです', lex).issues[0]?.category).toBeNull();
  });
});

describe('issues, talent issues and vision', () => {
  it.each([
    ['取引先からISO9001を取ってくれと言われてて困ってます', '取引先からISO9001を取ってくれと言われてて困ってます'],
    ['品質のデータとかちゃんと取れてなくて、不良の原因もはっきりしない。', '品質のデータとかちゃんと取れてなくて、不良の原因もはっきりしない'],
    ['私ももう70で、そろそろ息子に継がせたいと思ってる', 'そろそろ息子に継がせたいと思ってる'],
    ['社長は二代目で、主力の冷凍ホタテ加工品の売上が地元卸向けに偏っており、首都圏の量販店やECへの販路開拓が最大の課題との認識', '主力の冷凍ホタテ加工品の売上が地元卸向けに偏っており、首都圏の量販店やECへの販路開拓が最大の課題'],
  ])('issue summary of %s', (text, summary) => {
    expect(extract(text, lex).issues.map((i) => i.summary)).toEqual([summary]);
  });

  it('brings the clause naming the area along with a goal', () => {
    const [issue] = extract('評価とか給料の決め方が私の感覚なので、ちゃんとした仕組みを作りたい', lex).issues;
    expect(issue).toEqual({ summary: '評価とか給料の決め方が私の感覚なので、ちゃんとした仕組みを作りたい', category: 'hr' });
  });

  it('yields one issue per sentence of a multi-sentence message', () => {
    const e = extract('売上が落ちて困ってる。資金繰りも厳しい。社員は10人です。', lex);
    expect(e.issues.map((i) => i.category)).toEqual(['sales_marketing', 'finance']);
  });

  it('keeps summaries at most 80 characters', () => {
    const long = `${'品質管理の仕組みづくりと'.repeat(10)}困っている`;
    expect(extract(long, lex).issues[0]?.summary.length).toBeLessThanOrEqual(80);
  });

  it.each([
    ['社内に品質管理をわかる人間がいないんです', ['社内に品質管理をわかる人間がいない']],
    ['ただ息子は経営のことがまだ全然わかってない', ['息子は経営のことがまだ全然わかってない']],
    ['営業は社長が一人で兼務しており、商談資料やECサイトの運営ノウハウが社内にない。', ['営業は社長が一人で兼務しており', '商談資料やECサイトの運営ノウハウが社内にない']],
    ['若手が育たない', ['若手が育たない']],
    ['人手が足りない', ['人手が足りない']],
    ['英語ができる者も輸出の手続きがわかる者も社内におりません', ['英語ができる者も輸出の手続きがわかる者も社内におりません']],
    ['現場監督が私と番頭の二人しかおらんで', ['現場監督が私と番頭の二人しかおらんで']],
    ['ここ2年でエンジニアが5人辞めました', ['ここ2年でエンジニアが5人辞めました']],
  ])('talent issues of %s', (text, talent) => {
    const e = extract(text, lex);
    expect(e.talentIssues).toEqual(talent);
    expect(e.issues).toEqual([]);
  });

  it.each([
    ['5年後には売上を倍にしたい'],
    ['将来的には海外にも展開したい'],
    ['地域一番の旅館を目指したい'],
  ])('%s is the vision, not an issue', (text) => {
    const e = extract(text, lex);
    expect(e.vision).toBe(text);
    expect(e.issues).toEqual([]);
  });

  it.each([
    ['できれば大手で品質保証やってたような人に来てほしい'],
    ['フルタイムで雇う余裕はないので週1か2日くらいで'],
    ['費用は月15万くらいまでなら出せます'],
    ['新しく人を採るというより、息子を一人前にしたい'],
    ['わからない'],
    ['今月から始めたい'],
    ['来週までに書類を作りたい'],
  ])('%s is not a business issue', (text) => {
    expect(extract(text, lex).issues).toEqual([]);
  });
});

describe('direction', () => {
  it.each([
    ['新しく人を採るというより、息子を一人前にしたい', 'core_develop'],
    ['社内の人を育てたい', 'core_develop'],
    ['後継者を育てたい', 'core_develop'],
    ['できれば大手で品質保証やってたような人に来てほしい', 'core_hire'],
    ['週1日程度の副業人材を希望', 'core_hire'],
    ['専門家に来てもらいたい', 'core_hire'],
    ['外部の人を入れたい', 'core_hire'],
    ['現場のスタッフが足りない', 'operational'],
    ['人手不足で回らない', 'operational'],
    ['人を入れるより設備を入れたい', 'non_talent'],
    ['資金繰りの相談だけしたい', 'non_talent'],
    ['融資を受けたい', 'non_talent'],
    ['外部の人を入れるより、社内の人を育てたい', 'core_develop'],
    ['大手で生産管理やってたOBの人に顧問で来てもらえたらありがたい', 'core_hire'],
    ['ネット販売に詳しい人に教えてもらいたい', 'core_hire'],
    ['とにかく現場の人が足りません', 'operational'],
    ['パートさんをあと５、６人増やしたい', 'operational'],
    ['正直なところ、外から人を採るより、うちの若手を育てたか', 'core_develop'],
    ['当初は営業人材を紹介してほしいとの相談だったが、人を増やしても赤字が増えるだけで人の問題じゃない', 'non_talent'],
  ])('%s → %s', (text, direction) => {
    expect(extract(text, lex).direction).toBe(direction);
  });

  it.each([
    ['若手を育てたいし、経験者も欲しい'],
    ['月に2回くらい来てもらって相談に乗ってもらえれば十分です'],
    ['将来的には社内の若手営業担当を育ててほしい'],
    ['息子を育てています'],
  ])('%s leaves the direction unset', (text) => {
    expect(extract(text, lex).direction).toBeUndefined();
  });
});

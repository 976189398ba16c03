import { describe, expect, it } from 'vitest';
import { extract } from './extractor.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();
const spec = (text: string) => extract(text, lex).spec;

describe('spec.workStyles', () => {
  it.each([
    ['正社員として来てほしい', ['full_time']],
    ['転職してくれる人がいい', ['full_time']],
    ['週1日程度の副業人材を希望', ['side_job']],
    ['兼業でお願いしたい', ['concurrent']],
    ['出向で来てもらえると助かる', ['secondment']],
    ['プロボノでもいい', ['pro_bono']],
    ['顧問みたいな形で', ['advisory']],
    ['業務委託でお願いしたい', ['advisory']],
    ['月に2回くらい来てもらって相談に乗ってもらえれば十分です', ['advisory']],
    ['副業でも構わない', ['side_job']],
    ['正社員じゃなくて副業で', ['side_job']],
    ['副業・兼業の人', ['side_job', 'concurrent']],
  ])('%s → %j', (text, styles) => {
    expect(spec(text).workStyles).toEqual(styles);
  });

  it.each([
    ['フルタイムで雇う余裕はないので週1か2日くらいで'],
    ['正社員は難しい'],
    ['副業は考えていない'],
    ['週1か2日くらいで'],
  ])('%s names no work style (negated or not stated)', (text) => {
    expect(spec(text).workStyles).toBeUndefined();
  });
});

describe('spec.daysPerWeek', () => {
  it.each([
    ['週1日', 1],
    ['週に一回', 1],
    ['週２日', 2],
    ['週1か2日くらいで', 2],
    ['週1〜2日', 2],
    ['週1～2日', 2],
    ['週3日くらい', 3],
    ['月に2回くらい来てもらって', 0.5],
    ['月2回', 0.5],
    ['月1回', 0.25],
    ['月に三回', 0.75],
    ['毎日来てほしい', 5],
    ['フルタイムで働ける人', 5],
    ['半日だけでいい', 0.5],
    ['やっぱり週2日で', 2],
    ['週1日って言ったけど、やっぱり週2日で', 2],
    ['週1じゃなくて週3で', 3],
    ['フルタイムで雇う余裕はないので週1か2日くらいで', 2],
    ['週1日程度、月に一度は工場に来てほしい', 1],
    ['月に一度は来てほしい', 0.25],
  ])('%s → %f', (text, days) => {
    expect(spec(text).daysPerWeek).toBe(days);
  });

  it.each([
    ['週休2日'],
    ['週40時間'],
    ['4月2日から来てほしい'],
    ['3ヶ月に1回'],
    ['フルタイムは無理'],
    ['社員は28人'],
    ['毎日仕事しています'],
  ])('%s sets no days per week', (text) => {
    expect(spec(text).daysPerWeek).toBeUndefined();
  });
});

describe('spec.monthlyBudgetYen (money, not frequency)', () => {
  it.each([
    ['費用は月15万くらいまでなら出せます', 150_000],
    ['報酬は月10万円程度を想定', 100_000],
    ['月10万円程度', 100_000],
    ['報酬は月20万', 200_000],
    ['月に五万円くらい', 50_000],
    ['年間120万まで出せる', 100_000],
    ['予算は15万くらい', 150_000],
    ['予算は月20万に変更', 200_000],
    ['月10万〜15万円なら', 150_000],
    ['顧問料は年120万くらいを考えてます', 100_000],
    ['月額150,000円', 150_000],
  ])('%s → %i', (text, yen) => {
    expect(spec(text).monthlyBudgetYen).toBe(yen);
  });

  it.each([
    ['月に2回'],
    ['月2回くらい来てほしい'],
    ['時給3000円'],
    ['日当2万円'],
    ['売上が月300万落ちた'],
    ['年商5億の会社です'],
    ['平成20年度予算額:21.2億円'],
    ['年間1万件の相談がある'],
    ['1日3万円くらいなら'],
    ['社員は28人'],
  ])('%s sets no budget', (text) => {
    expect(spec(text).monthlyBudgetYen).toBeUndefined();
  });
});

describe('spec.durationMonths (engagement, not age or experience)', () => {
  it.each([
    ['まずは半年くらいお願いしたい', 6],
    ['1年間来てほしい', 12],
    ['期間は1年で', 12],
    ['3ヶ月ほどお願いしたい', 3],
    ['三カ月くらいの期間で', 3],
    ['2年くらい来てほしい', 24],
    ['1年半ほど手伝ってほしい', 18],
  ])('%s → %i', (text, months) => {
    expect(spec(text).durationMonths).toBe(months);
  });

  it.each([
    ['私ももう70で'],
    ['70歳です'],
    ['10年以上の経験がある人'],
    ['創業50年の旅館です'],
    ['5年後には売上を倍にしたい'],
    ['3年前から売上が落ちている'],
    ['年間120万まで出せる'],
  ])('%s sets no duration', (text) => {
    expect(spec(text).durationMonths).toBeUndefined();
  });
});

describe('the wanted person: requirements, skills, duties', () => {
  it.each([
    ['できれば大手で品質保証やってたような人に来てほしい', ['大手で品質保証やっていた経験'], undefined, ['quality']],
    ['営業の経験がある人を探している', ['営業の経験'], undefined, ['sales_marketing']],
    ['ISOに詳しい人がいい', ['ISOに詳しい'], undefined, ['quality']],
    ['英語が話せる人がいい', ['英語が話せる'], undefined, ['overseas']],
    ['品質保証の経験者がほしい', ['品質保証の経験'], undefined, ['quality']],
    ['運転免許は必須', ['運転免許'], undefined, undefined],
    ['英語ができればなお良い', undefined, ['英語ができる'], ['overseas']],
    ['ISOの知識があれば尚可', undefined, ['ISOの知識'], ['quality']],
    ['できれば英語もできる人がいい', undefined, ['英語もできる'], ['overseas']],
    ['大手メーカーの知的財産部におられたような方に、顧問としてご指導いただけないでしょうか', ['大手メーカーの知的財産部におられた経験'], undefined, ['legal_ip']],
    ['事業承継の経験がある外部人材に顧問として月1〜2回来訪してもらい', ['事業承継の経験'], undefined, ['succession']],
    ['兼業型のマーケター（デザインもわかる人ならなお良い）を希望', undefined, ['デザインもわかる'], ['sales_marketing']],
  ])('%s', (text, mustHave, niceToHave, skills) => {
    const s = spec(text);
    expect(s.mustHave).toEqual(mustHave);
    expect(s.niceToHave).toEqual(niceToHave);
    expect(s.skillCategories).toEqual(skills);
  });

  it('reads the skills of a person who would teach, and the teaching as a duty', () => {
    const s = spec('数字の見方とか、銀行との付き合い方とかを教えてくれる人がいたらいいんだが');
    expect(s.skillCategories).toEqual(['finance']);
    expect(s.duties).toEqual(['数字の見方とか、銀行との付き合い方とかを教える']);
  });

  it.each([
    ['ISO取得の準備を進めてほしい', ['ISO取得の準備を進める']],
    ['在庫管理をお願いしたい', ['在庫管理']],
    ['将来的には社内の若手営業担当を育ててほしいとの意向もあり', ['社内の若手営業担当を育てる']],
    ['品質データの仕組みを見直してほしい', ['品質データの仕組みを見直す']],
    ['ECサイトを作ってほしい', ['ECサイトを作る']],
    ['本業をお持ちの方に、副業で海外営業を手伝っていただけないかと思っております', ['副業で海外営業を手伝う']],
  ])('duties of %s', (text, duties) => {
    expect(spec(text).duties).toEqual(duties);
  });

  it.each([
    ['できれば大手で品質保証やってたような人に来てほしい'],
    ['月に2回くらい来てもらって相談に乗ってもらえれば十分です'],
    ['元気な人がいい'],
  ])('%s gives no duties', (text) => {
    expect(spec(text).duties).toBeUndefined();
  });
});

describe('explicitly cued spec fields', () => {
  it.each([
    ['うちの魅力は温泉と料理です', 'appeal', '温泉と料理'],
    ['自慢は100年続く暖簾です', 'appeal', '100年続く暖簾'],
    ['役割は品質管理の責任者', 'role', '品質管理の責任者'],
    ['肩書きは品質保証顧問で', 'title', '品質保証顧問で'],
    ['期待するのは若手の育成です', 'expectations', '若手の育成'],
    ['人物像は穏やかで教えるのが上手な人', 'persona', '穏やかで教えるのが上手な人'],
  ])('%s → %s', (text, field, value) => {
    expect(spec(text)).toMatchObject({ [field]: value });
  });

  it('sets none of them without a cue', () => {
    const s = spec('できれば大手で品質保証やってたような人に来てほしい');
    for (const field of ['appeal', 'role', 'title', 'expectations', 'persona']) expect(s).not.toHaveProperty(field);
  });
});

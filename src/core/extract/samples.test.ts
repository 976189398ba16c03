// The owner transcripts of ../shared/samples, replayed line by line (the memo as one message)
// and merged the way the dialogue merges turns: later values replace earlier ones, lists append.
// The texts are copied verbatim so the test does not depend on files outside the repository.
import { describe, expect, it } from 'vitest';
import { emptyExtraction, type Extraction } from './extraction.js';
import { extract } from './extractor.js';
import { loadLexicon } from './lexicon.js';

const lex = loadLexicon();

const SAMPLE_1 = `# 埼玉のめっき加工会社。品質管理とISO取得。週1〜2日の外部人材を想定。
こんにちは、川口で電子部品のめっき加工をやってます。社員は28人です
取引先からISO9001を取ってくれと言われてて困ってます
品質のデータとかちゃんと取れてなくて、不良の原因もはっきりしない
社内に品質管理をわかる人間がいないんです
できれば大手で品質保証やってたような人に来てほしい
フルタイムで雇う余裕はないので週1か2日くらいで
費用は月15万くらいまでなら出せます
`;

const SAMPLE_2 = `# 長野の旅館。後継者（息子）を育てたい。中核人材育成の例。
長野の温泉旅館です。従業員は15名ほど
私ももう70で、そろそろ息子に継がせたいと思ってる
ただ息子は経営のことがまだ全然わかってない
数字の見方とか、銀行との付き合い方とかを教えてくれる人がいたらいいんだが
新しく人を採るというより、息子を一人前にしたい
月に2回くらい来てもらって相談に乗ってもらえれば十分です
`;

const SAMPLE_3 = `# 金融機関の担当者が面談後に書いたメモ（1件のメッセージとして渡す）。
面談メモ：株式会社マルサ水産（宮城県気仙沼市、水産加工、従業員42名）。社長は二代目で、主力の冷凍ホタテ加工品の売上が地元卸向けに偏っており、首都圏の量販店やECへの販路開拓が最大の課題との認識。営業は社長が一人で兼務しており、商談資料やECサイトの運営ノウハウが社内にない。首都圏在住でも可、オンライン中心で週1日程度の副業人材を希望。報酬は月10万円程度を想定。将来的には社内の若手営業担当を育ててほしいとの意向もあり。
`;

/** Owner messages of a replay file: one per line, blank lines and # comments skipped. */
function messages(file: string): string[] {
  return file.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** Merges turns as the dialogue does: scalars replace, lists append. */
function merge(turns: Extraction[]): Extraction {
  const out = emptyExtraction();
  for (const t of turns) {
    Object.assign(out.company, t.company);
    if (t.vision !== undefined) out.vision = t.vision;
    if (t.direction !== undefined) out.direction = t.direction;
    out.issues.push(...t.issues);
    out.talentIssues.push(...t.talentIssues);
    for (const [key, value] of Object.entries(t.spec)) {
      const spec = out.spec as Record<string, unknown>;
      const previous = spec[key];
      spec[key] = Array.isArray(value) && Array.isArray(previous) ? [...previous, ...value] : value;
    }
  }
  return out;
}

const replay = (file: string) => merge(messages(file).map((m) => extract(m, lex)));

describe('sample 1: plating company, ISO (line by line)', () => {
  const e = replay(SAMPLE_1);

  it('reads the company', () => {
    expect(e.company).toMatchObject({ prefecture: '埼玉県', industry: 'manufacturing', employees: 28 });
    expect(e.company.description).toBe('電子部品のめっき加工');
    expect(e.company.name).toBeUndefined();
  });

  it('reads quality issues and the talent issue', () => {
    expect(e.issues.map((i) => i.summary)).toEqual([
      '取引先からISO9001を取ってくれと言われてて困ってます',
      '品質のデータとかちゃんと取れてなくて、不良の原因もはっきりしない',
    ]);
    expect(e.issues.every((i) => i.category === 'quality')).toBe(true);
    expect(e.talentIssues).toEqual(['社内に品質管理をわかる人間がいない']);
  });

  it('reads the spec terms', () => {
    expect(e.spec.daysPerWeek).toBe(2);
    expect(e.spec.monthlyBudgetYen).toBe(150_000);
    expect(e.spec.remoteOk).toBeUndefined();
    expect(e.spec.workStyles).toBeUndefined();
    expect(e.spec.mustHave?.length).toBeGreaterThan(0);
    expect(e.spec.skillCategories).toContain('quality');
  });
});

describe('sample 2: ryokan succession (line by line)', () => {
  const e = replay(SAMPLE_2);

  it('reads the company', () => {
    expect(e.company).toMatchObject({ prefecture: '長野県', industry: 'hospitality_food', employees: 15 });
    expect(e.company.description).toBe('温泉旅館');
  });

  it('reads succession and finance issues and the talent issue', () => {
    expect(e.issues.map((i) => i.category)).toEqual(['succession', 'finance']);
    expect(e.issues[0]?.summary).toBe('そろそろ息子に継がせたいと思ってる');
    expect(e.talentIssues).toEqual(['息子は経営のことがまだ全然わかってない']);
  });

  it('reads direction and engagement', () => {
    expect(e.direction).toBe('core_develop');
    expect(e.spec.daysPerWeek).toBe(0.5);
    expect(e.spec.workStyles).toEqual(['advisory']);
    expect(e.spec.durationMonths).toBeUndefined();
    expect(e.spec.skillCategories).toEqual(['finance']);
  });
});

describe('sample 3: advisor memo as one message', () => {
  const e = replay(SAMPLE_3);

  it('reads the company', () => {
    expect(e.company).toMatchObject({
      name: '株式会社マルサ水産', prefecture: '宮城県', industry: 'manufacturing', employees: 42,
    });
    expect(e.company.description).toContain('水産加工');
  });

  it('reads the sales issue and the talent issues', () => {
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.category).toBe('sales_marketing');
    expect(e.issues[0]?.summary).toContain('首都圏の量販店やECへの販路開拓');
    expect(e.talentIssues).toEqual(['営業は社長が一人で兼務しており', '商談資料やECサイトの運営ノウハウが社内にない']);
  });

  it('reads the spec terms', () => {
    expect(e.spec).toMatchObject({
      remoteOk: true, daysPerWeek: 1, workStyles: ['side_job'], monthlyBudgetYen: 100_000,
    });
    expect(e.spec.prefecture).toBeUndefined();
    expect(e.vision).toContain('将来的には社内の若手営業担当を育ててほしい');
  });

  it('gives the same company facts when the memo is replayed sentence by sentence', () => {
    const bySentence = merge(SAMPLE_3.split('。').map((s) => extract(s, lex)));
    expect(bySentence.company).toMatchObject({ prefecture: '宮城県', industry: 'manufacturing', employees: 42 });
    expect(bySentence.spec).toMatchObject({ remoteOk: true, daysPerWeek: 1, monthlyBudgetYen: 100_000 });
  });
});

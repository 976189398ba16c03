import { describe, expect, it } from 'vitest';
import { caseInput, context, person } from '../../../test/support/matching.js';
import { asPoolCandidate, type PoolCandidate } from './candidate.js';
import { readCandidateCsv } from './candidate-csv.js';
import { FullScan } from './full-scan.js';
import { MatchIndex } from './index.js';
import type { MatchContext, MatchInput } from './query.js';

function match(candidate: PoolCandidate, input: MatchInput = caseInput(), ctx: MatchContext = context()) {
  // A few other people make the text statistics (idf) realistic.
  const others = ['人事評価制度の設計を担当しました。', 'ECサイトの立ち上げで売上を伸ばしました。', '資金繰り表の作成を担当しました。']
    .map((summary, i) => person({ id: `Z-${i}`, headline: null, summary, skillCategories: ['hr'], prefecture: '沖縄県' }));
  const found = MatchIndex.build([candidate, ...others]).query(input, ctx, 10).find((m) => m.candidateId === candidate.id);
  if (!found) throw new Error('the person should be proposed');
  return found;
}

const base = match(person());

describe('reasons and gaps come from the factors that made the score', () => {
  it('says why a person who fits on every count fits', () => {
    expect(base.reasons).toEqual(expect.arrayContaining([
      '「品質管理・品質保証・ISO」を最も得意とする方です',
      expect.stringMatching(/^経歴にある「ISO9001」.*が、課題「取引先からISO9001の取得を求められている」に合っています$/u),
      '埼玉県にお住まいで、現地での支援がしやすい方です',
      '週2日の希望に対し、週2日まで対応できます',
      '製造業での経験があります',
      '新現役（大手企業OB・OG）の方が力を発揮しやすい「品質管理・品質保証・ISO」の案件です',
    ]));
    expect(base.gaps).toEqual([]);
    expect(base.score).toBeGreaterThan(0.7);
    expect(base.score).toBeLessThanOrEqual(1);
  });

  it('names only factors that contributed, and each contributing factor is named', () => {
    for (const f of base.factors.filter((x) => x.factor !== 'exposure')) {
      expect(f.reasons.length > 0, f.factor).toBe(f.contribution > 0);
    }
  });

  it.each([
    ['skill', person({ skillCategories: ['hr'] }), caseInput(), /最も得意/u, '求める分野のうち「品質管理・品質保証・ISO」の経験は登録されていません'],
    ['text', person({ headline: '元メーカー人事部長', summary: '人事評価制度の設計を担当しました。' }), caseInput(), /経歴にある/u, '経歴の記載からは、課題「取引先からISO9001の取得を求められている」に直接つながる経験は読み取れません'],
    ['kind', person({ kind: 'pro_bono' }), caseInput(), /新現役/u, null],
    ['availability', person(), caseInput({ daysPerWeek: null }), /週2日の希望/u, null],
    ['location', person(), caseInput({ location: { prefecture: null, remoteOk: null } }), /お住まい/u, null],
    ['industry', person({ industries: [] }), caseInput(), /製造業での経験/u, null],
  ])('without the %s input its sentence goes and the score drops', (factor, candidate, input, sentence, gap) => {
    const changed = match(candidate, input);
    expect(base.reasons.some((r) => sentence.test(r))).toBe(true);
    expect(changed.reasons.some((r) => sentence.test(r))).toBe(false);
    expect(changed.score).toBeLessThan(base.score);
    expect(changed.factors.find((f) => f.factor === factor)?.contribution).toBe(0);
    if (gap) expect(changed.gaps).toContain(gap);
  });

  it('gives partial credit for a related skill, and says so', () => {
    const related = match(person({ skillCategories: ['production'] }));
    expect(related.reasons).toContain('「生産管理」の経験は、求める「品質管理・品質保証・ISO」に近い分野です');
    expect(related.score).toBeLessThan(base.score);
    expect(related.score).toBeGreaterThan(match(person({ skillCategories: ['hr'] })).score);
  });

  it('names a shortfall in days, and days already promised elsewhere', () => {
    const short = match(person({ daysPerWeek: 2 }), caseInput(), context({ committed: { 'P-1': 1 } }));
    expect(short.gaps).toEqual(expect.arrayContaining(['週2日の希望に対し、対応できるのは週1日のみです', 'ほかの案件ですでに週1日を予定しています']));
    expect(short.score).toBeLessThan(base.score);
  });

  it('lowers the score of a person already proposed elsewhere, and says so', () => {
    const busy = match(person(), caseInput(), context({ exposure: { 'P-1': 2 } }));
    expect(busy.gaps).toContain('ほかに2件の案件で紹介を検討中です');
    expect(busy.score).toBeLessThan(base.score);
    const busier = match(person(), caseInput(), context({ exposure: { 'P-1': 4 } }));
    expect(busier.score).toBeLessThan(busy.score);
  });

  it('tells a remote-only fit as a gap when the case did not say remote was fine', () => {
    const far = match(person({ prefecture: '北海道', remoteOk: true }));
    expect(far.gaps).toContain('遠方（北海道）にお住まいのため、リモート中心の関わりになります');
    const welcome = match(person({ prefecture: '北海道', remoteOk: true }), caseInput({ location: { prefecture: '埼玉県', remoteOk: true } }));
    expect(welcome.reasons).toContain('北海道にお住まいですが、リモートで対応できます');
  });

  it('names a move as a gap for a far-away full-time hire', () => {
    const mover = match(person({ prefecture: '福岡県', workStyles: ['full_time'] }), caseInput({ workStyles: ['full_time'] }));
    expect(mover.gaps).toContain('福岡県にお住まいのため、転居を伴う形での就業が前提になります');
    expect(mover.score).toBeLessThan(match(person({ workStyles: ['full_time'] }), caseInput({ workStyles: ['full_time'] })).score);
  });

  it('never scores age: two people who differ only in name and age score the same', () => {
    const header = 'id,name,kind,age,prefecture,remote_ok,days_per_week,work_styles,skill_categories,industries,headline,summary';
    const row = (id: string, name: string, age: number) => `${id},${name},senior,${age},埼玉県,false,2,side_job,quality,manufacturing,元品質保証部長,ISO9001の認証取得を指導しました。`;
    const parsed = readCandidateCsv([header, row('A-2', '若井 一郎', 52), row('A-1', '年長 次郎', 77)].join('\n'));
    if (!parsed.ok) throw new Error('valid file');
    const pool = parsed.records.map((r) => asPoolCandidate(r.profile));
    expect(pool.every((c) => !('age' in c) && !('name' in c))).toBe(true);
    const ranked = MatchIndex.build(pool).query(caseInput());
    expect(ranked.map((m) => m.candidateId)).toEqual(['A-1', 'A-2']); // equal scores: by id
    expect(ranked[0]?.score).toBe(ranked[1]?.score);
  });

  it('explains with the same score the full scan computes', () => {
    const pool = [person(), person({ id: 'P-2', skillCategories: ['production'] })];
    const a = MatchIndex.build(pool).query(caseInput());
    const b = FullScan.prepare(pool).query(caseInput());
    expect(a.map((m) => [m.candidateId, m.score, m.reasons, m.gaps])).toEqual(b.map((m) => [m.candidateId, m.score, m.reasons, m.gaps]));
  });
});

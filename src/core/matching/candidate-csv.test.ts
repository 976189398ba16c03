import { describe, expect, it } from 'vitest';
import { candidateCsvHeader, candidateCsvLine, decodeCsvBytes, EncodingError, formatProblem, readCandidateCsv } from './candidate-csv.js';

const HEADER = 'id,name,kind,age,prefecture,remote_ok,days_per_week,work_styles,skill_categories,industries,monthly_fee_min_yen,headline,summary,email';
const GOOD = 'S-001,山田 太郎,senior,64,埼玉県,false,2,advisory|concurrent,quality|production,manufacturing,150000,元大手自動車メーカー品質保証部長,"ISO9001の認証取得を5社で指導しました。",yamada@example.com';

const file = (...rows: string[]) => [HEADER, ...rows].join('\n');
const withField = (column: string, value: string) => {
  const columns = HEADER.split(',');
  const values = ['S-002', '佐藤 花子', 'side_job', '', '東京都', 'true', '1', 'side_job', 'it_dx', '', '', '', '', ''];
  values[columns.indexOf(column)] = value;
  return values.join(',');
};

function problems(text: string): string[] {
  const result = readCandidateCsv(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map(formatProblem);
}

describe('readCandidateCsv', () => {
  it('reads a valid file, keeping personal data apart from the profile', () => {
    const result = readCandidateCsv(file(GOOD, withField('age', '')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.records).toHaveLength(2);
    const [first] = result.records;
    expect(first?.profile).toEqual({
      id: 'S-001', kind: 'senior', prefecture: '埼玉県', remoteOk: false, daysPerWeek: 2,
      workStyles: ['advisory', 'concurrent'], skillCategories: ['quality', 'production'], industries: ['manufacturing'],
      monthlyFeeMinYen: 150000, headline: '元大手自動車メーカー品質保証部長', summary: 'ISO9001の認証取得を5社で指導しました。',
    });
    expect(first?.profile).not.toHaveProperty('name');
    expect(first?.profile).not.toHaveProperty('age');
    expect(first?.personal).toEqual({ name: '山田 太郎', email: 'yamada@example.com', age: 64 });
  });

  it('accepts columns in any order and fractional days', () => {
    const text = 'skill_categories,work_styles,days_per_week,remote_ok,prefecture,kind,name,id\nhr,side_job,0.5,true,大阪府,pro_bono,鈴木 一郎,P-1\n';
    const result = readCandidateCsv(text);
    expect(result.ok && result.records[0]?.profile.daysPerWeek).toBe(0.5);
  });

  it.each([
    ['an unknown work style', withField('work_styles', 'side_job|fulltime'), '3行目 work_styles: 不明なコード "fulltime"'],
    ['an unknown skill code', withField('skill_categories', 'marketing'), '3行目 skill_categories: 不明なコード "marketing"'],
    ['an unknown industry', withField('industries', 'manufacture'), '3行目 industries: 不明なコード "manufacture"'],
    ['an unknown kind', withField('kind', 'retired'), '3行目 kind: 不明な種別 "retired"'],
    ['days above 5', withField('days_per_week', '6'), '3行目 days_per_week: 週の日数は0.5〜5の範囲'],
    ['days below 0.5', withField('days_per_week', '0.3'), '3行目 days_per_week: 週の日数は0.5〜5の範囲'],
    ['days written in words', withField('days_per_week', '週2日'), '3行目 days_per_week: 0.5〜5の数'],
    ['a prefecture without its suffix', withField('prefecture', '東京'), '3行目 prefecture: "東京" は正式名の「東京都」で書いてください'],
    ['a place that is no prefecture', withField('prefecture', '関東'), '3行目 prefecture: "関東" は都道府県名ではありません'],
    ['remote_ok not true/false', withField('remote_ok', 'yes'), '3行目 remote_ok: true か false'],
    ['a required value left empty', withField('name', ''), '3行目 name: 必須の項目が空です'],
    ['a fee with a comma', withField('monthly_fee_min_yen', '"150,000"'), '3行目 monthly_fee_min_yen: 月額の最低報酬（円）を半角数字だけで'],
    ['an age out of range', withField('age', '7'), '3行目 age: 年齢は15〜100の範囲'],
    ['a malformed e-mail', withField('email', 'sato.example.com'), '3行目 email: メールアドレスの形ではありません'],
    ['an empty code between bars', withField('skill_categories', 'hr||it_dx'), '3行目 skill_categories: 空のコード'],
    ['a duplicate id', GOOD, '3行目 id: "S-001" が2行目と重複しています'],
    ['a row with too few fields', 'S-009,名前,senior', '3行目: 項目の数が見出しと合いません（見出しは14列、この行は3列）'],
    ['broken quoting', 'S-009,"名前,senior', '3行目: 「"」で始まった項目が閉じられない'],
  ])('refuses %s, naming the row, column and reason', (_name, row, expected) => {
    expect(problems(file(GOOD, row)).join("\n")).toContain(expected);
  });

  it('reports every bad row of a file at once, not only the first', () => {
    const rows = [withField('kind', 'x'), withField('days_per_week', '9'), withField('prefecture', '江戸')].map((r, i) => r.replace('S-002', `S-10${i}`));
    const found = problems(file(GOOD, ...rows));
    expect(found.map((p) => p.split(':')[0])).toEqual(['3行目 kind', '4行目 days_per_week', '5行目 prefecture']);
  });

  it('still reports the rows before broken quoting', () => {
    const found = problems(file(GOOD.replace('S-001', 'S-100'), withField('kind', 'x'), 'S-009,"名前,senior'));
    expect(found).toEqual([expect.stringMatching(/^3行目 kind/u), expect.stringMatching(/^4行目: 「"」で始まった項目/u)]);
  });

  it.each([
    ['missing required columns', 'id,name,kind\nS-1,山田,senior\n', '1行目: 必須の列がありません: prefecture, remote_ok, days_per_week, work_styles, skill_categories'],
    ['an unknown column', `${HEADER},memo\n`, '1行目: 不明な列があります: "memo"'],
    ['a column twice', `${HEADER},kind\n`, '1行目: 同じ列が2回あります: kind'],
    ['an empty file', '', '1行目: 見出しの行がありません'],
    ['a header with no data', `${HEADER}\n`, '2行目: データの行がありません'],
  ])('refuses a file with %s', (_name, text, expected) => {
    expect(problems(text).join("\n")).toContain(expected);
  });

  it('writes records that read back identically', () => {
    const result = readCandidateCsv(file(GOOD));
    if (!result.ok) throw new Error('valid');
    const again = readCandidateCsv(candidateCsvHeader() + result.records.map(candidateCsvLine).join(''));
    expect(again).toEqual(result);
  });
});

describe('decodeCsvBytes', () => {
  it('accepts UTF-8 with or without a BOM', () => {
    const body = Buffer.from('id\n品質\n', 'utf8');
    expect(decodeCsvBytes(body)).toBe('id\n品質\n');
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]))).toBe('id\n品質\n');
  });

  it('refuses Shift_JIS, naming the first unreadable line', () => {
    // "id\n" then 品質 in Shift_JIS (0x95 0x69 0x8e 0xbf).
    const sjis = Buffer.from([0x69, 0x64, 0x0a, 0x95, 0x69, 0x8e, 0xbf, 0x0a]);
    expect(() => decodeCsvBytes(sjis)).toThrow(EncodingError);
    expect(() => decodeCsvBytes(sjis)).toThrow(/UTF-8 ではありません（2行目/u);
  });

  it('refuses UTF-16 and binary data', () => {
    expect(() => decodeCsvBytes(Buffer.from([0xff, 0xfe, 0x69, 0x00]))).toThrow(/UTF-16/u);
    expect(() => decodeCsvBytes(Buffer.from([0x69, 0x00, 0x64]))).toThrow(/NUL/u);
  });
});

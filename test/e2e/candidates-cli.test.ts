import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, tempDir, type CliDatabase } from '../support/cli.js';
import { createCliDatabase } from '../support/cli-database.js';

// `bansou candidates import|generate` and `bansou match`, as an operator runs them.

let db: CliDatabase;
const files = tempDir('bansou-cand-files-');

beforeAll(async () => {
  assertBuilt();
  db = await createCliDatabase();
});
afterAll(async () => {
  await db?.cleanup();
  files.remove();
});

const cli = (args: string[]) => runCli(args, { env: db.env });
const file = (name: string, content: string | Buffer): string => {
  const path = join(files.path, name);
  writeFileSync(path, content);
  return path;
};
const HEADER = 'id,name,kind,age,prefecture,remote_ok,days_per_week,work_styles,skill_categories,industries,monthly_fee_min_yen,headline,summary,email';
const row = (id: string, extra: Partial<Record<'kind' | 'prefecture' | 'days' | 'styles', string>> = {}) =>
  `${id},試験 花子,${extra.kind ?? 'senior'},65,${extra.prefecture ?? '埼玉県'},false,${extra.days ?? '2'},${extra.styles ?? 'advisory'},quality,manufacturing,100000,元品質保証部長,ISO9001の認証取得を指導しました。,`;

async function generate(count: number, seed: string): Promise<string> {
  const r = await cli(['candidates', 'generate', '--count', String(count), '--seed', seed]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('bansou candidates generate', () => {
  it('writes the same CSV for the same seed, and another for another seed', async () => {
    const a = await generate(50, 'e2e');
    expect(a.split('\r\n')[0]).toBe(HEADER);
    expect(a.trim().split('\r\n')).toHaveLength(51);
    expect(await generate(50, 'e2e')).toBe(a);
    expect(await generate(50, 'other')).not.toBe(a);
  });

  it.each([
    [['candidates', 'generate'], '--count'],
    [['candidates', 'generate', '--count', 'many'], '--count'],
    [['candidates', 'generate', '--count', '5', '--seed', 'a b'], '--seed'],
    [['candidates', 'export'], '使い方'],
  ])('refuses %j with usage and exit 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

let goodSeq = 0;

describe('bansou candidates import', () => {
  it('imports a generated file, then updates the same ids on re-import', async () => {
    const path = file('pool.csv', await generate(300, 'import'));
    const first = await cli(['candidates', 'import', path]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.trim()).toBe('300件を取り込みました（新規 300件、更新 0件）');
    const again = await cli(['candidates', 'import', path]);
    expect(again.stdout.trim()).toBe('300件を取り込みました（新規 0件、更新 300件）');
  });

  it('accepts a UTF-8 BOM and shows progress for a large file', async () => {
    const path = file('large.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(await generate(12_000, 'large'))]));
    const r = await cli(['candidates', 'import', path]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('取り込み中… 10,000 / 12,000 件');
    expect(r.stdout).toContain('12,000件を取り込みました（新規 12,000件');
  });

  it.each([
    ['an unknown code', [row('BAD-1', { styles: 'advisory|fulltime' })], '3行目 work_styles: 不明なコード "fulltime"'],
    ['days outside 0.5–5', [row('BAD-1', { days: '6' })], '3行目 days_per_week: 週の日数は0.5〜5の範囲'],
    ['a bad prefecture', [row('BAD-1', { prefecture: '埼玉' })], '3行目 prefecture: "埼玉" は正式名の「埼玉県」'],
    ['duplicate ids', [row('BAD-1'), row('BAD-1')], '4行目 id: "BAD-1" が3行目と重複しています'],
    ['broken quoting', [`BAD-1,"試験,senior`], '3行目: 「"」で始まった項目が閉じられない'],
  ])('refuses a file with %s, naming row, column and reason, and writes nothing', async (_name, bad, message) => {
    const good = `GOOD-${(goodSeq += 1)}`;
    const path = file('bad.csv', [HEADER, row(good), ...bad].join('\n'));
    const r = await cli(['candidates', 'import', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1件も取り込んでいません');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    // The valid row must not have been written: importing it alone finds it new.
    const alone = await cli(['candidates', 'import', file('good.csv', [HEADER, row(good)].join('\n'))]);
    expect(alone.stdout).toContain('新規 1件');
  });

  it.each([
    ['missing required columns', () => file('cols.csv', 'id,name,kind\nX-1,試験,senior\n'), '必須の列がありません: prefecture, remote_ok, days_per_week, work_styles, skill_categories'],
    ['Shift_JIS text', () => file('sjis.csv', Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x95, 0x69, 0x8e, 0xbf, 0x0a])])), 'UTF-8 ではありません（2行目'],
    ['a missing file', () => join(files.path, 'nope.csv'), 'ファイルが見つかりません'],
  ])('refuses %s with exit 1', async (_name, make, message) => {
    const r = await cli(['candidates', 'import', make()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
  });

  it('caps a long list of problems', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => row(`MANY-${i}`, { kind: 'robot' }));
    const r = await cli(['candidates', 'import', file('many.csv', [HEADER, ...rows].join('\n'))]);
    expect(r.stderr).toContain('問題 70 件');
    expect(r.stderr).toContain('ほか 20 件');
  });
});

describe('bansou match', () => {
  const spec = () => file('spec.json', JSON.stringify({
    skillCategories: ['quality'], workStyles: ['advisory'], daysPerWeek: 1, location: { prefecture: '埼玉県', remoteOk: null },
    mustHave: ['品質保証の実務経験'],
  }));
  const isList = (stdout: string, top: number) => {
    const list = JSON.parse(stdout) as { candidateId: string; score: number; reasons: string[]; gaps: string[] }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(top);
    for (const m of list) {
      expect(Object.keys(m)).toEqual(['candidateId', 'score', 'reasons', 'gaps']);
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(m.reasons.length).toBeGreaterThan(0);
    }
    expect(list.map((m) => m.score)).toEqual([...list.map((m) => m.score)].sort((a, b) => b - a));
    return list;
  };

  it('ranks a spec file against a candidate file, as the contract JSON', async () => {
    const pool = file('match-pool.csv', await generate(400, 'match'));
    const r = await cli(['match', '--spec', spec(), '--candidates', pool, '--top', '4', '--json']);
    expect(r.code, r.stderr).toBe(0);
    isList(r.stdout, 4);
    const again = await cli(['match', '--spec', spec(), '--candidates', pool, '--top', '4', '--json']);
    expect(again.stdout).toBe(r.stdout);
  });

  it('ranks the database for a case, readable without --json', async () => {
    const sheet = await cli(['replay', join(import.meta.dirname, '../fixtures/transcripts/01-hamamatsu-metal-production.txt'), '--json']);
    expect(sheet.code, sheet.stderr).toBe(0);
    const caseId = JSON.parse(sheet.stdout).caseId as string;
    const json = await cli(['match', caseId, '--json']);
    expect(json.code, json.stderr).toBe(0);
    isList(json.stdout, 10);
    const text = await cli(['match', caseId, '--top', '3']);
    expect(text.stdout).toContain(`案件 ${caseId} の候補者`);
    expect(text.stdout).toMatch(/^1\. \S+［/mu);
    expect(text.stdout).toContain('◎');
    const sheetFile = file('sheet.json', sheet.stdout);
    const viaSheet = await cli(['match', '--spec', sheetFile, '--json']);
    expect(viaSheet.stdout).toBe(json.stdout);
  });

  it.each([
    [['match'], 2, 'どちらか一方'],
    [['match', 'C-AAAAAAAA', '--spec', 'x.json'], 2, 'どちらか一方'],
    [['match', '--spec', 'x.json', '--top', '0'], 2, '--top'],
    [['match', 'C-ZZZZZZZZ'], 1, '見つかりません'],
  ])('refuses %j', async (args, code, message) => {
    const r = await cli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });

  it('refuses a spec file that is not JSON, or not a spec', async () => {
    const broken = await cli(['match', '--spec', file('broken.json', '{"skillCategories": ['), '--candidates', file('p.csv', readFileSync(join(files.path, 'match-pool.csv')))]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('JSON として読めません');
    const wrong = await cli(['match', '--spec', file('wrong.json', '{"skillCategories": ["cooking"]}'), '--candidates', join(files.path, 'p.csv')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('skillCategories');
  });
});

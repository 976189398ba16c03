import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, runCli, tempDir, type CliDatabase } from '../support/cli.js';
import { createCliDatabase } from '../support/cli-database.js';
import { INTAKE_TO_DRAFT } from '../support/network.js';
import { firstPagePng, japaneseFont, pdfText, pdfToolsRequired, popplerAvailable } from '../support/pdf-tools.js';

// `bansou case export` as a partner organisation's coordinator runs it: the 求人票 of an
// approved case as Markdown and as a PDF whose Japanese reads back as text and draws on a page.

let db: CliDatabase;
let approved: string;
let drafted: string;
let ownerIds: string[];
const files = tempDir('bansou-export-');
const intake = join(files.path, 'intake.txt');

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env: { ...db.env, ...env } });

/** A case as the owner's intake leaves it (drafted), through `bansou replay`. */
async function draftedCase(): Promise<string> {
  const r = await cli(['replay', intake, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).caseId;
}

beforeAll(async () => {
  assertBuilt();
  db = await createCliDatabase();
  writeFileSync(intake, `${INTAKE_TO_DRAFT.join('\n')}\n`);
  expect((await cli(['org', 'add', '--name', '川口商工会', '--kind', 'shokokai', '--default'])).code).toBe(0);
  [approved, drafted] = [await draftedCase(), await draftedCase()];
  // The coordinator's approval itself is the workflow's to test; here it is only the status.
  await db.query(`UPDATE "case" SET status = 'approved' WHERE id = $1`, [approved]);
  ownerIds = (await db.query<{ external_id: string }>('SELECT external_id FROM owner')).map((o) => o.external_id);
}, 120_000);
afterAll(async () => {
  await db?.cleanup();
  files.remove();
});

const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);
/** Without a Japanese font no PDF can be made (another test checks the message that says so). */
const withFont = japaneseFont !== null || pdfToolsRequired;

describe('bansou case export', () => {
  it('writes the 求人票 of an approved case as Markdown', async () => {
    const r = await cli(['case', 'export', approved]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# 求人票　/u);
    expect(r.stdout).toContain(`案件番号：${approved}　／　取扱機関：川口商工会`);
    expect(r.stdout).toContain('| 会社名 | 株式会社川口メッキ |');
  });

  it.skipIf(!withFont)('writes it as a PDF to --out, in Japanese that reads back and draws', async () => {
    const out = join(files.path, '求人票.pdf');
    const r = await cli(['case', 'export', approved, '--format', 'pdf', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`求人票を書き出しました: ${out}`);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(300_000);
    if (!popplerAvailable) {
      if (pdfToolsRequired) throw new Error('pdftotext/pdftoppm (poppler-utils) are missing; CI=true requires them (scripts/browser-deps.sh installs them)');
      return;
    }
    const text = pdfText(pdf);
    for (const expected of ['求人票', '募集企業', '株式会社川口メッキ', '仕事の内容', '応募条件', '働き方と報酬', '取扱機関：川口商工会']) expect(text).toContain(expected);
    for (const owner of ownerIds) expect(text).not.toContain(owner);
    const png = firstPagePng(pdf, 'kyujinhyo-page1.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // An A4 page at 60 dpi is 497 × 702; a blank one compresses to a few KB, this one's text does not.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([497, 702]);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it.skipIf(!withFont)('writes the PDF to stdout when stdout is not a terminal', async () => {
    const r = await cli(['case', 'export', approved.toLowerCase(), '--format', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.stdoutBytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\n?$/);
  });

  it.skipIf(spawnSync('script', ['--version']).error !== undefined)('refuses to write a PDF to a terminal, in one line, exit 2', () => {
    // script(1) gives the command a pseudo-terminal as its stdout.
    const env = { ...process.env, ...db.env, LOG_LEVEL: 'warn' };
    const shell = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} case export ${approved} --format pdf; echo "exit=$?"`;
    const r = spawnSync('script', ['-qec', shell, '/dev/null'], { env, encoding: 'utf8' });
    expect(r.stdout).toContain('PDF は端末には表示できません');
    expect(r.stdout).toContain('exit=2');
    expect(r.stdout).not.toContain('%PDF-');
    expect(r.stdout).not.toContain('使い方');
  });

  it.each(['md', 'pdf'])('refuses a case not yet approved (%s), exit 1, and writes no file', async (format) => {
    const out = join(files.path, `drafted.${format}`);
    const r = await cli(['case', 'export', drafted, '--format', format, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`案件 ${drafted} の求人はまだ承認されていません（状況：`);
    oneLine(r.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('names PDF_FONT when the font file does not exist', async () => {
    const r = await cli(['case', 'export', approved, '--format', 'pdf', '--out', join(files.path, 'x.pdf')], { PDF_FONT: '/nowhere/ipag.ttf' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PDF_FONT: フォントファイルが見つかりません（/nowhere/ipag.ttf）');
    oneLine(r.stderr);
  });

  it('says so when PDF_FONT is not a font, and writes no file', async () => {
    const notAFont = join(files.path, 'readme.ttf');
    writeFileSync(notAFont, 'フォントではありません\n');
    const out = join(files.path, 'y.pdf');
    const r = await cli(['case', 'export', approved, '--format', 'pdf', '--out', out], { PDF_FONT: notAFont });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`日本語フォントを読み込めませんでした（${notAFont}`);
    expect(r.stderr).toContain('PDF_FONT');
    oneLine(r.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown format with usage, exit 2', async () => {
    const r = await cli(['case', 'export', approved, '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('md か pdf');
  });
});

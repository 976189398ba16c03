import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJapaneseFont, type FontChoice } from '../../src/pdf/japanese-font.js';
import { ROOT } from './cli.js';
import { testDatabaseKind } from './db.js';

// What the PDF tests need from the machine: a Japanese font to make a 求人票 at all, and
// poppler-utils (pdftotext, pdftoppm) to read it back as text and as an image, proof that its
// Japanese maps back to characters and draws. scripts/browser-deps.sh installs both; without
// them the tests skip, except under CI=true, where their absence is a failure (like Chromium).

export const popplerAvailable = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
export const japaneseFont = ((): FontChoice | null => {
  try {
    return resolveJapaneseFont(undefined);
  } catch {
    return null;
  }
})();
export const pdfToolsRequired = process.env.CI === 'true';

function withPdfFile<T>(pdf: Buffer, work: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'bansou-pdf-'));
  try {
    const path = join(dir, 'offer.pdf');
    writeFileSync(path, pdf);
    return work(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, as a reader's copy-paste would get it. */
export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (path) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
}

/** Page 1 as a PNG at 60 dpi (pdftoppm), also kept in test/artifacts/pdf/<database>/ to look at. */
export function firstPagePng(pdf: Buffer, name: string): Buffer {
  const png = withPdfFile(pdf, (path, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(dir, 'page')]);
    return readFileSync(join(dir, 'page.png'));
  });
  const artifacts = join(ROOT, 'test', 'artifacts', 'pdf', testDatabaseKind());
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, name), png);
  return png;
}

/** A metadata string (/Title, /Subject…) as pdfkit writes it: a literal, UTF-16BE when not ASCII. */
export function pdfInfoString(pdf: Buffer, key: string): string | null {
  const raw = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(raw);
  const literal = ref ? new RegExp(`\\n${ref[1]} 0 obj\\n\\(((?:\\\\.|[^\\\\)])*)\\)`, 's').exec(raw) : new RegExp(`/${key} \\(((?:\\\\.|[^\\\\)])*)\\)`).exec(raw);
  if (!literal?.[1]) return null;
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const bytes = Buffer.from(literal[1].replace(/\\(.)/gs, (_, c: string) => escapes[c] ?? c), 'latin1');
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return bytes.toString('latin1');
  return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
}

/** Pages in the document (its /Type /Page objects). */
export const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

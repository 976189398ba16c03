import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { approvedSheet } from '../../test/support/job-offer.js';
import { tempDir } from '../../test/support/cli.js';
import { japaneseFont, pageCount, pdfInfoString, pdfText, pdfToolsRequired, popplerAvailable } from '../../test/support/pdf-tools.js';
import type { CaseSheet } from '../core/case-sheet.js';
import { buildJobOffer } from '../core/report/job-offer.js';
import { jobOfferPdf } from './job-offer-pdf.js';
import { FontUnavailableError, type FontChoice } from './japanese-font.js';

// The 求人票 PDF from the model, with the machine's Japanese font (scripts/browser-deps.sh
// installs fonts-ipafont-gothic and poppler-utils; see test/support/pdf-tools.ts).

const withFont = japaneseFont !== null || pdfToolsRequired;
const withPoppler = withFont && (popplerAvailable || pdfToolsRequired);
const now = new Date('2025-07-01T03:00:00Z');
const files = tempDir('bansou-pdf-unit-');
afterAll(() => files.remove());

const render = (sheet: CaseSheet) => {
  if (!japaneseFont) throw new Error('no Japanese font on this machine; CI=true requires one (scripts/browser-deps.sh installs fonts-ipafont-gothic)');
  return jobOfferPdf(buildJobOffer(sheet, '川口商工会'), { font: japaneseFont as FontChoice, now });
};

describe('the 求人票 as a PDF', () => {
  it.skipIf(!withFont)('is an A4 PDF with its metadata and a subset of the Japanese font embedded', async () => {
    const pdf = await render(approvedSheet());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfInfoString(pdf, 'Title')).toBe('求人票　ISO9001認証取得を導く品質保証の専門人材（副業・週1日）');
    expect(pdfInfoString(pdf, 'Subject')).toBe('求人票（案件番号 C-PDF00001）');
    expect(pdfInfoString(pdf, 'Creator')).toBe('bansou');
    expect(pdfInfoString(pdf, 'Lang')).toBe('ja');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    // A subset's name carries a six-letter tag: ABCDEF+IPAGothic.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile[23]/);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+\S+/);
    // The whole IPA Gothic is 6 MB; only the glyphs used go in.
    expect(pdf.length).toBeLessThan(300_000);
    expect(pageCount(pdf)).toBe(1);
  });

  it.skipIf(!withFont)('runs over as many pages as a long list of duties needs', async () => {
    const duties = Array.from({ length: 120 }, (_, i) => `業務${i + 1}：取引先監査への立ち会いと是正処置の記録`);
    const pdf = await render(approvedSheet({ duties }));
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    if (!withPoppler) return;
    const text = pdfText(pdf);
    expect(text).toContain('業務120：取引先監査への立ち会いと是正処置の記録');
    expect(text).toContain(`1 / ${pageCount(pdf)} ページ`);
    expect(text).toContain('作成日：2025年7月1日');
  });

  it.skipIf(!withPoppler)('says what the Markdown says, and nothing of the owner', async () => {
    const owner = { name: '山田太郎', phone: '090-1234-5678', email: 'yamada@kawaguchi-mekki.example.jp', lineUserId: 'U0123456789abcdef' };
    // A caller holding more than the sheet (the owner's contact) must not leak it into the PDF.
    const text = pdfText(await render({ ...approvedSheet(), owner } as CaseSheet));
    for (const expected of ['求人票', '案件番号：C-PDF00001', '募集企業', '株式会社川口メッキ', '仕事の内容', '応募条件', '働き方と報酬', '月15万円まで', 'この会社で働く魅力']) {
      expect(text).toContain(expected);
    }
    for (const secret of Object.values(owner)) expect(text).not.toContain(secret);
  });

  it('names the file when it is not a font', async () => {
    const notAFont = join(files.path, 'font.ttf');
    writeFileSync(notAFont, 'これはフォントではありません');
    const attempt = jobOfferPdf(buildJobOffer(approvedSheet(), null), { font: { path: notAFont } });
    await expect(attempt).rejects.toThrow(FontUnavailableError);
    await expect(attempt).rejects.toThrow(`日本語フォントを読み込めませんでした（${notAFont}`);
  });
});

import PDFDocument from 'pdfkit';
import type { FontSetting } from '../config/config.js';
import type { JobOffer, OfferBlock } from '../core/report/job-offer.js';
import { FontUnavailableError } from './japanese-font.js';

// The 求人票 (buildJobOffer) laid out on A4 for agencies that print or file it. pdfkit embeds
// only the glyphs used (a subset), so a 20 MB CJK font still makes a PDF of tens of KB.

export interface JobOfferPdfOptions {
  font: FontSetting;
  /** The generation date in the footer and the metadata. */
  now?: Date;
}

const ACCENT = '#1f4e79';
const MUTED = '#555555';
const MARGIN = { top: 50, bottom: 60, left: 56, right: 56 };
const JP = 'jp';

type Doc = PDFKit.PDFDocument;

export async function jobOfferPdf(offer: JobOffer, options: JobOfferPdfOptions): Promise<Buffer> {
  const now = options.now ?? new Date();
  const doc = new PDFDocument({
    size: 'A4', margins: MARGIN, bufferPages: true, lang: 'ja', displayTitle: true,
    info: { Title: offer.heading, Subject: `求人票（案件番号 ${offer.caseId}）`, Creator: 'bansou', CreationDate: now },
  });
  const bytes = collect(doc);
  useFont(doc, options.font);
  doc.fillColor(ACCENT).fontSize(18).text(offer.heading);
  doc.moveDown(0.3).fillColor(MUTED).fontSize(9.5).text(offer.reference);
  rule(doc);
  for (const section of offer.sections) {
    heading(doc, section.heading);
    for (const block of section.blocks) drawBlock(doc, block);
  }
  footers(doc, offer.caseId, now);
  doc.end();
  return bytes;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((done, fail) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => done(Buffer.concat(chunks)));
    doc.on('error', fail);
  });
}

/** A file that is not a font (or a collection without the face named) fails here, not halfway. */
function useFont(doc: Doc, font: FontSetting): void {
  try {
    doc.registerFont(JP, font.path, font.face as string);
    doc.font(JP);
  } catch (err) {
    const which = font.face ? `${font.path} の ${font.face}` : font.path;
    throw new FontUnavailableError(`日本語フォントを読み込めませんでした（${which}: ${(err as Error).message}）。PDF_FONT に .ttf・.otf・.ttc のフォントファイルを指定してください。`);
  }
}

function rule(doc: Doc): void {
  const y = doc.y + 6;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(1).strokeColor(ACCENT).stroke();
  doc.y = y + 4;
}

/** A heading never sits alone at the foot of a page. */
function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  doc.moveDown(0.8);
  const y = doc.y;
  doc.rect(doc.page.margins.left, y, 4, 16).fill(ACCENT);
  doc.fillColor(ACCENT).fontSize(13).text(text, doc.page.margins.left + 10, y + 1);
  doc.x = doc.page.margins.left;
  doc.moveDown(0.4);
}

function drawBlock(doc: Doc, block: OfferBlock): void {
  doc.fillColor('black').fontSize(10.5);
  switch (block.kind) {
    case 'table':
      doc.table({
        columnStyles: [96, '*'],
        defaultStyle: { padding: [4, 7], borderColor: '#b8c4d0' },
        data: block.rows.map((r) => [{ text: r.label, backgroundColor: '#eef2f7', type: 'TH' as const }, r.value]),
      });
      break;
    case 'text':
      if (block.label) doc.fillColor(ACCENT).text(`${block.label}：`, { continued: true }).fillColor('black');
      doc.text(block.text, { lineGap: 2 });
      break;
    case 'list':
      if (block.label) doc.fillColor(ACCENT).text(block.label).fillColor('black').moveDown(0.15);
      doc.list(block.items, { bulletRadius: 2, bulletIndent: 6, textIndent: 14, lineGap: 2 });
      break;
  }
  doc.moveDown(0.5);
}

const japanDate = (d: Date): string => d.toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' });

/** Written last, on every buffered page, below the bottom margin (so no page is added). */
function footers(doc: Doc, caseId: string, now: Date): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0;
    const width = doc.page.width - margins.left - margins.right;
    const y = doc.page.height - 40;
    doc.fillColor(MUTED).fontSize(8.5);
    doc.text(`求人票　${caseId}　作成日：${japanDate(now)}`, margins.left, y, { width, lineBreak: false });
    doc.text(`${i - start + 1} / ${count} ページ`, margins.left, y, { width, align: 'right', lineBreak: false });
    margins.bottom = bottom;
  }
}

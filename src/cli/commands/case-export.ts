import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { App } from '../../app.js';
import type { FontSetting } from '../../config/config.js';
import { EXPORTABLE, jobOfferMarkdown } from '../../core/report/handoff.js';
import { buildJobOffer, type JobOffer } from '../../core/report/job-offer.js';
import { toCaseSheet } from '../../core/sheet.js';
import { CASE_STATUS_LABELS } from '../../core/vocab.js';
import { holderOf } from '../../db/prisma-handoff.js';
import { resolveJapaneseFont, type FontChoice } from '../../pdf/japanese-font.js';
import { jobOfferPdf } from '../../pdf/job-offer-pdf.js';
import { InputError, UsageError } from '../errors.js';

// `bansou case export CASE_ID [--format md|pdf] [--out FILE]`: an approved spec as a 求人票
// for agencies and partner organisations, in Markdown or as a PDF with a Japanese font.

export type ExportPlan = { format: 'md'; outFile?: string } | { format: 'pdf'; outFile?: string; font: FontChoice };

/** Everything that can be refused without the database is refused before it is opened. */
export function planExport(format: string, outFile: string | undefined, stdoutIsTty: boolean, font: FontSetting | undefined): ExportPlan {
  if (format !== 'md' && format !== 'pdf') throw new UsageError(`case export の --format は md か pdf です（指定: ${format}）`);
  if (format === 'md') return { format, outFile };
  if (!outFile && stdoutIsTty) {
    throw new UsageError('PDF は端末には表示できません。--out ファイル名 を指定するか、出力をファイルにリダイレクトしてください（例: > 求人票.pdf）。', false);
  }
  return { format, outFile, font: resolveJapaneseFont(font) };
}

export async function caseExport(app: App, caseId: string, plan: ExportPlan, write: (chunk: string | Uint8Array) => Promise<void>, out: (s: string) => void): Promise<void> {
  const offer = await approvedOffer(app, caseId);
  const content = plan.format === 'md' ? jobOfferMarkdown(offer) : await jobOfferPdf(offer, { font: plan.font });
  if (!plan.outFile) return write(content);
  writeWhole(plan.outFile, content);
  out(`求人票を書き出しました: ${plan.outFile}（${Math.ceil(Buffer.byteLength(content) / 1024)} KB）`);
}

async function approvedOffer(app: App, caseId: string): Promise<JobOffer> {
  const stored = await app.store.getCase(caseId.trim().toUpperCase());
  if (!stored) throw new InputError(`案件 ${caseId} は見つかりません。`);
  if (!EXPORTABLE.includes(stored.status)) {
    throw new InputError(`案件 ${stored.id} の求人はまだ承認されていません（状況：${CASE_STATUS_LABELS[stored.status]}）。求人票はコーディネーターの承認後に出力できます。`);
  }
  const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
  return buildJobOffer(sheet, await holderOf(app.db.prisma, stored.id));
}

/** Through a temporary file, so a failed export never leaves half a 求人票 under FILE's name. */
function writeWhole(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw new InputError(`${file} に書き出せませんでした（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）。`);
  }
}

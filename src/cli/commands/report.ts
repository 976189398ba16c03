import type { App } from '../../app.js';
import { EXPORTABLE, jobOfferMarkdown, linkageCsv } from '../../core/report/handoff.js';
import { buildJobOffer } from '../../core/report/job-offer.js';
import { formatReport, parsePeriod, type ReportPeriod } from '../../core/report/report.js';
import { toCaseSheet } from '../../core/sheet.js';
import { CASE_STATUS_LABELS } from '../../core/vocab.js';
import { holderOf, linkageRows } from '../../db/prisma-handoff.js';
import { createPrismaReportSource } from '../../db/prisma-report.js';
import { InputError, UsageError } from '../errors.js';

// `bansou report`, `bansou case export` and `bansou cases csv`: the network's figures and
// the hand-off packet, for coordinators and partner organisations.

const FORMATS = ['md', 'csv', 'json'] as const;
type ReportFormat = (typeof FORMATS)[number];

export function checkReportArgs(format: string, from?: string, to?: string): { format: ReportFormat; period: ReportPeriod } {
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format は md・csv・json のいずれかです（指定: ${format}）`);
  try {
    return { format: format as ReportFormat, period: parsePeriod(from, to) };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export async function report(app: App, format: ReportFormat, period: ReportPeriod, from: string | undefined, to: string | undefined, out: (s: string) => void): Promise<void> {
  const figures = await createPrismaReportSource(app.db.prisma).report(period);
  out(formatReport({ from: from ?? null, to: to ?? null, ...figures }, format));
}

export async function caseExport(app: App, caseId: string, format: string, out: (s: string) => void): Promise<void> {
  if (format !== 'md') throw new UsageError(`case export の --format は md です（指定: ${format}）。PDF はまだ対応していません。`);
  const stored = await app.store.getCase(caseId.trim().toUpperCase());
  if (!stored) throw new InputError(`案件 ${caseId} は見つかりません。`);
  if (!EXPORTABLE.includes(stored.status)) {
    throw new InputError(`案件 ${stored.id} の求人はまだ承認されていません（状況：${CASE_STATUS_LABELS[stored.status]}）。求人票はコーディネーターの承認後に出力できます。`);
  }
  const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
  out(jobOfferMarkdown(buildJobOffer(sheet, await holderOf(app.db.prisma, stored.id))));
}

export async function casesCsv(app: App, write: (s: string) => Promise<void>): Promise<void> {
  await write(linkageCsv(await linkageRows(app.db.prisma)));
}

import type { App } from '../../app.js';
import { linkageCsv } from '../../core/report/handoff.js';
import { formatReport, parsePeriod, type ReportPeriod } from '../../core/report/report.js';
import { linkageRows } from '../../db/prisma-handoff.js';
import { createPrismaReportSource } from '../../db/prisma-report.js';
import { UsageError } from '../errors.js';

// `bansou report` and `bansou cases csv`: the network's figures and the 情報連携シート, for
// coordinators and partner organisations (`case export` is in case-export.ts).

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

export async function casesCsv(app: App, write: (s: string) => Promise<void>): Promise<void> {
  await write(linkageCsv(await linkageRows(app.db.prisma)));
}

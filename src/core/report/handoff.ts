import { formatValue } from '../format.js';
import { CASE_STATUS_LABELS, type CaseStatus } from '../vocab.js';
import type { JobOffer, OfferBlock } from './job-offer.js';
import { csvField } from './report.js';

// The hand-off packet: an approved spec as a 求人票 for talent agencies and partner
// organisations, and the network's cases as a 情報連携シート (CSV that opens in Excel).

const cell = (s: string): string => s.replace(/\|/g, '｜').replace(/\n/g, ' ');

/** Only specs a coordinator approved leave the network as a 求人票. */
export const EXPORTABLE: readonly CaseStatus[] = ['approved', 'matching', 'introduced', 'hired', 'following_up'];

function blockMarkdown(block: OfferBlock): string[] {
  switch (block.kind) {
    case 'table':
      return ['| 項目 | 内容 |', '|---|---|', ...block.rows.map((r) => `| ${r.label} | ${cell(r.value)} |`)];
    case 'text':
      return [block.label ? `**${block.label}：** ${block.text}` : block.text];
    case 'list':
      return [...(block.label ? [`**${block.label}**`] : []), ...block.items.map((i) => `- ${i}`)];
  }
}

/** The 求人票 (see buildJobOffer) as Markdown. */
export function jobOfferMarkdown(offer: JobOffer): string {
  const sections = offer.sections.map((s) => [`## ${s.heading}`, s.blocks.map((b) => blockMarkdown(b).join('\n')).join('\n\n')].join('\n'));
  return `${[`# ${offer.heading}`, offer.reference, ...sections].join('\n\n')}\n`;
}

export interface LinkageRow {
  caseId: string;
  companyName: string | null;
  industry: string | null;
  prefecture: string | null;
  need: string | null;
  status: CaseStatus;
  organisation: string | null;
}

export const LINKAGE_HEADER = ['案件ID', '会社名', '業種', '所在地', '人材ニーズ(求人タイトル)', '状況', '担当機関'];

/** UTF-8 with a BOM and CRLF line ends, so Excel on Windows opens the Japanese as it is. */
export function linkageCsv(rows: readonly LinkageRow[]): string {
  const lines = [LINKAGE_HEADER, ...rows.map((r) => [
    r.caseId, r.companyName ?? '', formatValue('company.industry', r.industry) ?? '', r.prefecture ?? '', r.need ?? '',
    CASE_STATUS_LABELS[r.status], r.organisation ?? '',
  ])];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

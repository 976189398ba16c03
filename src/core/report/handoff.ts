import type { CaseSheet } from '../case-sheet.js';
import { formatValue } from '../format.js';
import type { FieldPath } from '../intake/fields.js';
import { CASE_STATUS_LABELS, type CaseStatus } from '../vocab.js';
import { csvField } from './report.js';

// The hand-off packet: an approved spec as a 求人票 for talent agencies and partner
// organisations, and the network's cases as a 情報連携シート (CSV that opens in Excel).

const UNSET = '応相談';
const cell = (s: string): string => s.replace(/\|/g, '｜').replace(/\n/g, ' ');
const v = (path: FieldPath, value: unknown): string => cell(formatValue(path, value) ?? UNSET);
const list = (items: string[]): string[] => (items.length ? items.map((i) => `- ${i}`) : [`- ${UNSET}`]);

/** Only specs a coordinator approved leave the network as a 求人票. */
export const EXPORTABLE: readonly CaseStatus[] = ['approved', 'matching', 'introduced', 'hired', 'following_up'];

/** A 求人票 holds no owner contact: agencies reach the company through the holding organisation. */
export function jobOfferMarkdown(sheet: CaseSheet, holder: string | null): string {
  const { company, step1 } = sheet;
  const spec = sheet.step2.spec;
  return [
    `# 求人票　${spec.title ?? '（タイトル未設定）'}`,
    '',
    `案件番号：${sheet.caseId}　／　取扱機関：${holder ?? '（未定）'}`,
    '',
    '## 募集企業',
    '| 項目 | 内容 |', '|---|---|',
    `| 会社名 | ${v('company.name', company.name)} |`,
    `| 業種 | ${v('company.industry', company.industry)} |`,
    `| 所在地 | ${v('company.prefecture', company.prefecture)} |`,
    `| 従業員数 | ${v('company.employees', company.employees)} |`,
    `| 事業内容 | ${v('company.description', company.description)} |`,
    '',
    '## 募集の背景',
    step1.vision ? `目指す姿：${step1.vision}` : '',
    ...step1.issues.slice(0, 3).map((i) => `- ${i.summary}`),
    '',
    '## 仕事の内容',
    `**役割：** ${spec.role ?? UNSET}`,
    '',
    ...list(spec.duties),
    '',
    `**期待する成果：** ${spec.expectations ?? UNSET}`,
    '',
    '## 応募条件',
    '**必須**', ...list(spec.mustHave), '',
    '**歓迎**', ...list(spec.niceToHave), '',
    `**求める人物像：** ${spec.persona ?? UNSET}`,
    '',
    '## 働き方と報酬',
    '| 項目 | 内容 |', '|---|---|',
    `| 専門分野 | ${v('step2.spec.skillCategories', spec.skillCategories)} |`,
    `| 関わり方 | ${v('step2.spec.workStyles', spec.workStyles)} |`,
    `| 日数 | ${v('step2.spec.daysPerWeek', spec.daysPerWeek)} |`,
    `| 勤務地 | ${v('step2.spec.location.prefecture', spec.location.prefecture)} |`,
    `| リモート | ${v('step2.spec.location.remoteOk', spec.location.remoteOk)} |`,
    `| 報酬（月額） | ${v('step2.spec.monthlyBudgetYen', spec.monthlyBudgetYen)} |`,
    `| 期間 | ${v('step2.spec.durationMonths', spec.durationMonths)} |`,
    '',
    '## この会社で働く魅力',
    spec.appeal ?? UNSET,
    '',
  ].join('\n');
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

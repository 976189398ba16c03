import type { CaseSheet } from './case-sheet.js';
import type { LlmUsageSummary, LlmUsageTotals } from './conversation/ports.js';
import { formatValue, issueLines } from './format.js';
import type { FieldPath } from './intake/fields.js';
import { CASE_STATUS_LABELS } from './vocab.js';

// The case sheet as a 企業情報シート in Markdown: what an advisor hands to a partner
// organisation. Unknown values are shown as such, never filled in.

const UNSET = '（未確認）';


const row = (label: string, path: FieldPath, value: unknown): string =>
  `| ${label} | ${escapeCell(formatValue(path, value) ?? UNSET)} |`;

const escapeCell = (s: string): string => s.replace(/\|/g, '｜').replace(/\n/g, ' ');

const bullets = (items: string[]): string[] => (items.length ? items.map((i) => `- ${i}`) : [`- ${UNSET}`]);

export function caseSheetMarkdown(sheet: CaseSheet): string {
  const { company, step1, step2 } = sheet;
  const spec = step2.spec;
  const fields = { company, step1, step2 };
  const lines = [
    `# 企業情報シート（案件 ${sheet.caseId}）`,
    '',
    `状況：${CASE_STATUS_LABELS[sheet.status]}`,
    '',
    '## 会社概要',
    '| 項目 | 内容 |', '|---|---|',
    row('会社名', 'company.name', company.name),
    row('業種', 'company.industry', company.industry),
    row('所在地', 'company.prefecture', company.prefecture),
    row('従業員数', 'company.employees', company.employees),
    row('事業内容', 'company.description', company.description),
    '',
    '## STEP 1　経営課題と人材課題',
    `**将来の姿：** ${step1.vision ?? UNSET}`,
    '',
    '**経営課題（優先順）**',
    ...(step1.issues.length ? issueLines(fields) : [UNSET]),
    '',
    '**人材面の課題**',
    ...bullets(step1.talentIssues),
    '',
    '## STEP 2　人材戦略',
    `**解決の方向性：** ${formatValue('step2.direction', step2.direction) ?? UNSET}`,
  ];
  if (step2.direction !== 'non_talent') {
    lines.push(
      '', '### 求人の下書き', '| 項目 | 内容 |', '|---|---|',
      row('求人タイトル', 'step2.spec.title', spec.title),
      row('役割', 'step2.spec.role', spec.role),
      row('期待すること', 'step2.spec.expectations', spec.expectations),
      row('求める人物像', 'step2.spec.persona', spec.persona),
      row('専門分野', 'step2.spec.skillCategories', spec.skillCategories),
      row('関わり方', 'step2.spec.workStyles', spec.workStyles),
      row('日数', 'step2.spec.daysPerWeek', spec.daysPerWeek),
      row('勤務地', 'step2.spec.location.prefecture', spec.location.prefecture),
      row('リモート', 'step2.spec.location.remoteOk', spec.location.remoteOk),
      row('予算', 'step2.spec.monthlyBudgetYen', spec.monthlyBudgetYen),
      row('期間', 'step2.spec.durationMonths', spec.durationMonths),
      row('会社の魅力', 'step2.spec.appeal', spec.appeal),
      '', '**主な業務**', ...bullets(spec.duties),
      '', '**必須条件**', ...bullets(spec.mustHave),
      '', '**歓迎条件**', ...bullets(spec.niceToHave),
    );
  }
  if (sheet.missing.length) lines.push('', '## 未確認の項目', sheet.missing.map((m) => `\`${m}\``).join('、'));
  return lines.join('\n') + '\n';
}

const TASK_LABELS: Record<string, string> = { extract: '発言の読み取り', summarise: 'STEP 1 のまとめ', draft_spec: '求人の文案' };

const usageRow = (label: string, t: LlmUsageTotals): string =>
  `| ${label} | ${t.calls} | ${t.inputTokens.toLocaleString('ja-JP')} | ${t.outputTokens.toLocaleString('ja-JP')} | ${(t.totalLatencyMs / 1000).toFixed(1)} 秒 | ${t.fallbacks} |`;

/** What the LLM layer cost the case; empty when no model was used (the offline engine only). */
export function llmUsageMarkdown(usage: LlmUsageSummary): string {
  if (usage.calls === 0) return '';
  return [
    '',
    '## LLM の利用状況',
    '| 処理 | 呼び出し | 入力トークン | 出力トークン | 所要時間 | オフラインで代替 |',
    '|---|---|---|---|---|---|',
    ...Object.entries(usage.byTask).map(([task, t]) => usageRow(TASK_LABELS[task] ?? task, t)),
    usageRow('合計', usage),
    '',
    `モデル：${usage.models.join('、')}　プロンプト：${usage.promptVersions.join('、')}`,
  ].join('\n') + '\n';
}

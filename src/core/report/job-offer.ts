import type { CaseSheet } from '../case-sheet.js';
import { formatValue } from '../format.js';
import type { FieldPath } from '../intake/fields.js';

// The 求人票 as one structured document, built once from the case sheet; the Markdown and the
// PDF renderers only lay it out, so the two can never disagree on what a 求人票 says.

export type OfferBlock =
  | { kind: 'table'; rows: { label: string; value: string }[] }
  /** A labelled line (役割：…) or, without a label, a plain paragraph. */
  | { kind: 'text'; label?: string; text: string }
  | { kind: 'list'; label?: string; items: string[] };

export interface OfferSection {
  heading: string;
  blocks: OfferBlock[];
}

export interface JobOffer {
  caseId: string;
  /** The spec's title, or a placeholder. */
  title: string;
  /** 「求人票　…」: the document's heading and its title for metadata. */
  heading: string;
  /** 案件番号 and 取扱機関, the line under the heading. */
  reference: string;
  sections: OfferSection[];
}

const UNSET = '応相談';
const v = (path: FieldPath, value: unknown): string => formatValue(path, value) ?? UNSET;
const items = (list: string[]): string[] => (list.length ? list : [UNSET]);
const row = (label: string, path: FieldPath, value: unknown) => ({ label, value: v(path, value) });

/**
 * A 求人票 holds no owner contact: agencies reach the company through the holding
 * organisation. Only the case sheet's company and spec go in, never the owner.
 */
export function buildJobOffer(sheet: CaseSheet, holder: string | null): JobOffer {
  const { company, step1 } = sheet;
  const spec = sheet.step2.spec;
  const title = spec.title ?? '（タイトル未設定）';
  const background: OfferBlock[] = [];
  if (step1.vision) background.push({ kind: 'text', label: '目指す姿', text: step1.vision });
  const issues = [...step1.issues].sort((a, b) => a.priority - b.priority).slice(0, 3).map((i) => i.summary);
  if (issues.length) background.push({ kind: 'list', items: issues });
  return {
    caseId: sheet.caseId,
    title,
    heading: `求人票　${title}`,
    reference: `案件番号：${sheet.caseId}　／　取扱機関：${holder ?? '（未定）'}`,
    sections: [
      { heading: '募集企業', blocks: [{ kind: 'table', rows: [
        row('会社名', 'company.name', company.name),
        row('業種', 'company.industry', company.industry),
        row('所在地', 'company.prefecture', company.prefecture),
        row('従業員数', 'company.employees', company.employees),
        row('事業内容', 'company.description', company.description),
      ] }] },
      { heading: '募集の背景', blocks: background },
      { heading: '仕事の内容', blocks: [
        { kind: 'text', label: '役割', text: spec.role ?? UNSET },
        { kind: 'list', items: items(spec.duties) },
        { kind: 'text', label: '期待する成果', text: spec.expectations ?? UNSET },
      ] },
      { heading: '応募条件', blocks: [
        { kind: 'list', label: '必須', items: items(spec.mustHave) },
        { kind: 'list', label: '歓迎', items: items(spec.niceToHave) },
        { kind: 'text', label: '求める人物像', text: spec.persona ?? UNSET },
      ] },
      { heading: '働き方と報酬', blocks: [{ kind: 'table', rows: [
        row('専門分野', 'step2.spec.skillCategories', spec.skillCategories),
        row('関わり方', 'step2.spec.workStyles', spec.workStyles),
        row('日数', 'step2.spec.daysPerWeek', spec.daysPerWeek),
        row('勤務地', 'step2.spec.location.prefecture', spec.location.prefecture),
        row('リモート', 'step2.spec.location.remoteOk', spec.location.remoteOk),
        row('報酬（月額）', 'step2.spec.monthlyBudgetYen', spec.monthlyBudgetYen),
        row('期間', 'step2.spec.durationMonths', spec.durationMonths),
      ] }] },
      { heading: 'この会社で働く魅力', blocks: [{ kind: 'text', text: spec.appeal ?? UNSET }] },
    ],
  };
}

import type { CaseFields } from './case-sheet.js';
import type { FieldPath } from './intake/fields.js';
import { DIRECTION_LABELS, INDUSTRY_LABELS, SKILL_LABELS, WORK_STYLE_LABELS } from './vocab.js';
import type { Direction, Industry, Skill, WorkStyle } from './vocab.js';
import { daysLabel } from './intake/draft.js';

// How field values read to people (owners, advisors, coordinators), in Japanese.

const yen = (n: number): string =>
  n % 10000 === 0 ? `月${(n / 10000).toLocaleString('ja-JP')}万円` : `月${n.toLocaleString('ja-JP')}円`;

const months = (n: number): string => (n % 12 === 0 ? `${n / 12}年` : `${n}か月`);

const FORMATTERS: Partial<Record<FieldPath, (value: never) => string>> = {
  'company.industry': (v: Industry) => INDUSTRY_LABELS[v],
  'company.employees': (v: number) => `${v}名`,
  'step2.direction': (v: Direction) => DIRECTION_LABELS[v],
  'step2.spec.skillCategories': (v: Skill[]) => v.map((s) => SKILL_LABELS[s]).join('、'),
  'step2.spec.workStyles': (v: WorkStyle[]) => v.map((w) => WORK_STYLE_LABELS[w]).join('、'),
  'step2.spec.daysPerWeek': (v: number) => daysLabel(v),
  'step2.spec.location.remoteOk': (v: boolean) => (v ? 'リモート可' : '現地での勤務'),
  'step2.spec.monthlyBudgetYen': (v: number) => `${yen(v)}まで`,
  'step2.spec.durationMonths': (v: number) => months(v),
};

/** One line of text for a value, or null when it is unknown. */
export function formatValue(path: FieldPath, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  const formatter = FORMATTERS[path] as ((v: unknown) => string) | undefined;
  if (formatter) return formatter(value);
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

export function issueLines(fields: CaseFields): string[] {
  return [...fields.step1.issues]
    .sort((a, b) => a.priority - b.priority)
    .map((i) => `${i.priority}. ${i.summary}${i.category ? `（${SKILL_LABELS[i.category]}）` : ''}`);
}

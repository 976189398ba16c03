import type { CaseFields } from '../case-sheet.js';
import type { Direction } from '../vocab.js';

// Case-sheet paths as they appear in the contract's `missing` list.
export const COMPANY_FIELDS = [
  'company.name', 'company.industry', 'company.prefecture', 'company.employees', 'company.description',
] as const;
export const STEP1_FIELDS = ['step1.vision', 'step1.issues', 'step1.talentIssues'] as const;
export const SPEC_FIELDS = [
  'step2.spec.title', 'step2.spec.role', 'step2.spec.duties', 'step2.spec.persona',
  'step2.spec.expectations', 'step2.spec.mustHave', 'step2.spec.niceToHave',
  'step2.spec.skillCategories', 'step2.spec.workStyles', 'step2.spec.daysPerWeek',
  'step2.spec.location.prefecture', 'step2.spec.location.remoteOk', 'step2.spec.monthlyBudgetYen',
  'step2.spec.durationMonths', 'step2.spec.appeal',
] as const;
export const ALL_FIELDS = [...COMPANY_FIELDS, ...STEP1_FIELDS, 'step2.direction', ...SPEC_FIELDS] as const;
export type FieldPath = (typeof ALL_FIELDS)[number];

/**
 * Fields whose answer is the owner's own words. A reply is read as such an answer only when
 * it states nothing else, so a volunteered remark is never filed under the asked question.
 */
export const FREE_TEXT_FIELDS: readonly FieldPath[] = [
  'company.name', 'company.description', 'step1.vision', 'step1.issues', 'step1.talentIssues',
  'step2.spec.title', 'step2.spec.role', 'step2.spec.persona', 'step2.spec.expectations',
  'step2.spec.appeal', 'step2.spec.duties', 'step2.spec.mustHave', 'step2.spec.niceToHave',
];

export function isFieldPath(value: string): value is FieldPath {
  return (ALL_FIELDS as readonly string[]).includes(value);
}

export function getField(fields: CaseFields, path: FieldPath): unknown {
  let node: unknown = fields;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node;
}

/** Returns a copy of `fields` with `path` set; the input is never mutated. */
export function setField(fields: CaseFields, path: FieldPath, value: unknown): CaseFields {
  const copy = structuredClone(fields);
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = copy as unknown as Record<string, unknown>;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  node[last] = value;
  return copy;
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** Spec fields matter only when the chosen direction leads to someone being engaged. */
export function specApplies(direction: Direction | null): boolean {
  return direction !== 'non_talent';
}

/**
 * The contract's `missing`: every path still unknown. Fields the owner explicitly answered
 * with "none" (`settled`) are known, even when empty.
 */
export function missingFields(fields: CaseFields, settled: readonly string[] = []): FieldPath[] {
  const applicable = ALL_FIELDS.filter((p) => !p.startsWith('step2.spec.') || specApplies(fields.step2.direction));
  return applicable.filter((p) => !settled.includes(p) && isEmptyValue(getField(fields, p)));
}

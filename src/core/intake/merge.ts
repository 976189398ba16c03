import type { CaseFields, JobSpec } from '../case-sheet.js';
import type { Extraction, MentionedIssue, SpecPatch } from '../extract/extraction.js';
import type { FieldPath } from './fields.js';

export interface MergeResult {
  fields: CaseFields;
  changed: FieldPath[];
}

// Lists the owner builds up over several messages; everything else is replaced by the
// latest statement, which is how corrections such as 「やっぱり週2日で」 win. Work styles add
// up too (プロボノで… 月1回相談に乗って), unless the owner says they are correcting.
const ACCUMULATING_SPEC_LISTS = ['duties', 'mustHave', 'niceToHave', 'skillCategories'] as const;
const ADDITIVE_UNLESS_CORRECTED = ['workStyles'] as const;

const sameText = (a: string, b: string): boolean => a.replace(/\s/g, '') === b.replace(/\s/g, '');

function appendUnique<T>(list: readonly T[], items: readonly T[], eq: (a: T, b: T) => boolean): T[] {
  const out = [...list];
  for (const item of items) if (!out.some((x) => eq(x, item))) out.push(item);
  return out;
}

function mergeIssues(fields: CaseFields, mentioned: MentionedIssue[]): boolean {
  const before = fields.step1.issues.length;
  for (const issue of mentioned) {
    if (fields.step1.issues.some((x) => sameText(x.summary, issue.summary))) continue;
    fields.step1.issues.push({ ...issue, priority: fields.step1.issues.length + 1 });
  }
  return fields.step1.issues.length !== before;
}

function mergeSpec(spec: JobSpec, patch: SpecPatch, changed: FieldPath[], corrects: boolean): void {
  const { prefecture, remoteOk, ...rest } = patch;
  if (prefecture !== undefined && spec.location.prefecture !== prefecture) {
    spec.location.prefecture = prefecture;
    changed.push('step2.spec.location.prefecture');
  }
  if (remoteOk !== undefined && spec.location.remoteOk !== remoteOk) {
    spec.location.remoteOk = remoteOk;
    changed.push('step2.spec.location.remoteOk');
  }
  for (const [key, value] of Object.entries(rest) as [keyof typeof rest, unknown][]) {
    if (value === undefined) continue;
    const path = `step2.spec.${key}` as FieldPath;
    const accumulate = (ACCUMULATING_SPEC_LISTS as readonly string[]).includes(key)
      || (!corrects && (ADDITIVE_UNLESS_CORRECTED as readonly string[]).includes(key));
    const next = accumulate
      ? appendUnique(spec[key] as string[], value as string[], (a, b) => sameText(a, b))
      : value;
    if (JSON.stringify(next) === JSON.stringify(spec[key])) continue;
    (spec as Record<string, unknown>)[key] = next;
    changed.push(path);
  }
}

/** Applies what one utterance stated to the case's fields; returns a new object. */
export function mergeExtraction(current: CaseFields, ex: Extraction): MergeResult {
  const fields = structuredClone(current);
  const changed: FieldPath[] = [];
  for (const [key, value] of Object.entries(ex.company) as [keyof CaseFields['company'], unknown][]) {
    if (value === undefined || value === fields.company[key]) continue;
    (fields.company as Record<string, unknown>)[key] = value;
    changed.push(`company.${key}`);
  }
  if (ex.vision !== undefined && ex.vision !== fields.step1.vision) {
    fields.step1.vision = ex.vision;
    changed.push('step1.vision');
  }
  if (mergeIssues(fields, ex.issues)) changed.push('step1.issues');
  const talent = appendUnique(fields.step1.talentIssues, ex.talentIssues, sameText);
  if (talent.length !== fields.step1.talentIssues.length) {
    fields.step1.talentIssues = talent;
    changed.push('step1.talentIssues');
  }
  if (ex.direction !== undefined && ex.direction !== fields.step2.direction) {
    fields.step2.direction = ex.direction;
    changed.push('step2.direction');
  }
  mergeSpec(fields.step2.spec, ex.spec, changed, ex.corrects === true);
  return { fields, changed };
}

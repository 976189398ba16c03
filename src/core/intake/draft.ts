import type { CaseFields } from '../case-sheet.js';
import { SKILL_LABELS, WORK_STYLE_LABELS, type Skill } from '../vocab.js';
import type { IntakeContent, SpecTemplate } from './content.js';
import { fillTemplate } from './content.js';
import { getField, isEmptyValue, setField, type FieldPath } from './fields.js';

/** Clears what the engine drafted, e.g. when the spec no longer applies (non_talent). */
export function clearDrafts(fields: CaseFields, drafted: readonly FieldPath[]): CaseFields {
  return drafted.reduce((f, path) => setField(f, path, Array.isArray(getField(f, path)) ? [] : null), fields);
}

/** Skills in the order the owner ranked the issues, then those named for the person. */
export function issueSkills(fields: CaseFields): Skill[] {
  const ordered = [...fields.step1.issues].sort((a, b) => a.priority - b.priority);
  const skills = ordered.map((i) => i.category).filter((c): c is Skill => c !== null);
  return [...new Set([...skills, ...fields.step2.spec.skillCategories])];
}

export function primarySkill(fields: CaseFields): Skill | null {
  return issueSkills(fields)[0] ?? null;
}

export function templateFor(content: IntakeContent, skill: Skill | null): SpecTemplate {
  return (skill && content.templates.skills[skill]) || content.templates.generic;
}

/** 0.5 days a week reads better to an owner as 「月2回程度」. */
export function daysLabel(days: number): string {
  if (days >= 1) return `週${Number.isInteger(days) ? days : days.toFixed(1)}日`;
  return `月${Math.max(1, Math.round(days * 4))}回程度`;
}

function draftTitle(content: IntakeContent, fields: CaseFields, base: string): string {
  const { workStyles, daysPerWeek } = fields.step2.spec;
  const styles = workStyles.map((w) => WORK_STYLE_LABELS[w].replace(/型$/, '')).join('・');
  if (!styles || daysPerWeek === null) return base;
  return base + fillTemplate(content.templates.titleSuffix, { styles, days: daysLabel(daysPerWeek) });
}

function draftExpectations(content: IntakeContent, fields: CaseFields, skill: Skill | null): string | null {
  const direction = fields.step2.direction;
  const top = [...fields.step1.issues].sort((a, b) => a.priority - b.priority)[0];
  if (!top || !direction || direction === 'non_talent') return null;
  const skillLabel = skill ? SKILL_LABELS[skill] : '課題解決';
  return fillTemplate(content.templates.expectations[direction], { issue: top.summary, skill: skillLabel });
}

/** Values the engine proposes for the draft card, from the issues and the templates. */
export function draftValues(content: IntakeContent, fields: CaseFields): Partial<Record<FieldPath, unknown>> {
  const skill = primarySkill(fields);
  const template = templateFor(content, skill);
  return {
    'step2.spec.skillCategories': issueSkills(fields),
    'step2.spec.title': draftTitle(content, fields, template.title),
    'step2.spec.role': template.role,
    'step2.spec.duties': template.duties,
    'step2.spec.persona': template.persona,
    'step2.spec.expectations': draftExpectations(content, fields, skill),
    'step2.spec.location.prefecture': fields.company.prefecture,
  };
}

/** Fields that follow directly from what is known, drafted from the first turn on. */
export const DERIVED_FIELDS: readonly FieldPath[] = ['step2.spec.skillCategories', 'step2.spec.location.prefecture'];

/** Fields whose wording a language model may propose instead of the templates'. */
export const MODEL_DRAFTED_FIELDS: readonly FieldPath[] = [
  'step2.spec.persona', 'step2.spec.expectations', 'step2.spec.duties', 'step2.spec.appeal',
];

/**
 * Fills drafted fields (all, or only `which`): empty ones, and ones the engine drafted before (so the title follows a
 * corrected day count). Whatever the owner wrote themselves is left alone. `proposed` is a model's wording for
 * MODEL_DRAFTED_FIELDS, used in place of the templates' under the same rule.
 */
export function applyDrafts(
  content: IntakeContent, fields: CaseFields, drafted: readonly FieldPath[], which?: readonly FieldPath[],
  proposed: Partial<Record<FieldPath, unknown>> = {},
): { fields: CaseFields; drafted: FieldPath[] } {
  let next = fields;
  const nowDrafted = new Set(drafted);
  const values: Partial<Record<FieldPath, unknown>> = { ...draftValues(content, fields) };
  for (const path of MODEL_DRAFTED_FIELDS) if (!isEmptyValue(proposed[path])) values[path] = proposed[path];
  for (const [path, value] of Object.entries(values) as [FieldPath, unknown][]) {
    if (which && !which.includes(path)) continue;
    const current = getField(next, path);
    if (!isEmptyValue(current) && !nowDrafted.has(path)) continue;
    if (isEmptyValue(value)) continue;
    next = setField(next, path, value);
    nowDrafted.add(path);
  }
  return { fields: next, drafted: [...nowDrafted] };
}

import type { CaseFields } from '../case-sheet.js';
import type { Extraction, SpecPatch } from '../extract/extraction.js';
import { getField, isEmptyValue, type FieldPath } from '../intake/fields.js';

// Offline and model readings of the same message, merged field by field. The offline
// extractor reads what the owner explicitly said, so it always wins; the model only fills
// what it left empty. A model value never replaces a value the case already holds (a
// correction such as 「やっぱり週2日」 is the offline extractor's to make), except in the lists
// that grow message by message.

const SPEC_PATHS: Record<keyof SpecPatch, FieldPath> = {
  title: 'step2.spec.title', role: 'step2.spec.role', duties: 'step2.spec.duties', persona: 'step2.spec.persona',
  expectations: 'step2.spec.expectations', mustHave: 'step2.spec.mustHave', niceToHave: 'step2.spec.niceToHave',
  skillCategories: 'step2.spec.skillCategories', workStyles: 'step2.spec.workStyles', daysPerWeek: 'step2.spec.daysPerWeek',
  prefecture: 'step2.spec.location.prefecture', remoteOk: 'step2.spec.location.remoteOk',
  monthlyBudgetYen: 'step2.spec.monthlyBudgetYen', durationMonths: 'step2.spec.durationMonths', appeal: 'step2.spec.appeal',
};

/** Lists a message adds to, whatever the case holds already. */
const GROWING: readonly FieldPath[] = [
  'step1.issues', 'step1.talentIssues', 'step2.spec.duties', 'step2.spec.mustHave', 'step2.spec.niceToHave',
  'step2.spec.skillCategories',
];

export interface MergedReading {
  extraction: Extraction;
  /** Paths the model's reading supplied. */
  filled: FieldPath[];
}

/**
 * `blocked`: paths the model may not fill this turn, e.g. the asked field when the offline
 * reader already understood the reply as its answer.
 */
export function mergeReadings(offline: Extraction, model: Extraction, current: CaseFields, blocked: readonly FieldPath[] = []): MergedReading {
  const filled: FieldPath[] = [];
  const open = (path: FieldPath, offlineHas: boolean, modelHas: boolean): boolean => {
    if (offlineHas || !modelHas || blocked.includes(path)) return false;
    if (!GROWING.includes(path) && !isEmptyValue(getField(current, path))) return false;
    filled.push(path);
    return true;
  };
  const out: Extraction = structuredClone(offline);

  for (const key of Object.keys(model.company) as (keyof Extraction['company'])[]) {
    if (open(`company.${key}`, offline.company[key] !== undefined, model.company[key] !== undefined)) {
      (out.company as Record<string, unknown>)[key] = model.company[key];
    }
  }
  if (open('step1.vision', offline.vision !== undefined, model.vision !== undefined)) out.vision = model.vision;
  if (open('step1.issues', offline.issues.length > 0, model.issues.length > 0)) out.issues = model.issues;
  if (open('step1.talentIssues', offline.talentIssues.length > 0, model.talentIssues.length > 0)) out.talentIssues = model.talentIssues;
  if (open('step2.direction', offline.direction !== undefined, model.direction !== undefined)) out.direction = model.direction;
  for (const key of Object.keys(model.spec) as (keyof SpecPatch)[]) {
    if (open(SPEC_PATHS[key], offline.spec[key] !== undefined, model.spec[key] !== undefined)) {
      (out.spec as Record<string, unknown>)[key] = model.spec[key];
    }
  }
  return { extraction: out, filled };
}

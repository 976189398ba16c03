import type { CaseFields, CaseSheet } from './case-sheet.js';
import type { CaseStatus } from './vocab.js';
import { missingFields } from './intake/fields.js';

/** The contract's case sheet from a case's stored values. */
export function toCaseSheet(caseId: string, status: CaseStatus, fields: CaseFields, settled: readonly string[]): CaseSheet {
  const issues = [...fields.step1.issues].sort((a, b) => a.priority - b.priority);
  return {
    caseId,
    status,
    company: fields.company,
    step1: { ...fields.step1, issues },
    step2: fields.step2,
    missing: missingFields(fields, settled),
  };
}

import type { CaseFields } from '../case-sheet.js';
import type { IntakeContent, Question } from './content.js';
import { getField, isEmptyValue } from './fields.js';
import type { DialogueState } from './state.js';

// What to ask next: the first applicable question of the phase whose field is still open.
// Order lives in prompts/intake/plan.yaml; this file only decides applicability.

function applies(q: Question, fields: CaseFields): boolean {
  if (q.drafted) return false;
  if (!q.when) return true;
  const direction = fields.step2.direction;
  return direction !== null && q.when.directionIn.includes(direction);
}

function isOpen(q: Question, fields: CaseFields, d: DialogueState): boolean {
  return isEmptyValue(getField(fields, q.field)) && !d.unknown.includes(q.field) && !d.settled.includes(q.field);
}

export type Next = { kind: 'question'; question: Question } | { kind: 'priority' } | { kind: 'phase_complete' };

export function nextStep(content: IntakeContent, fields: CaseFields, d: DialogueState): Next {
  const phase = d.phase === 'step2' ? 'step2' : 'step1';
  const candidates = content.questions.filter((q) => q.phase === phase && applies(q, fields) && isOpen(q, fields, d));
  const fresh = candidates.find((q) => !d.deferred.includes(q.field));
  if (fresh) return { kind: 'question', question: fresh };
  // Deferred questions come back once, after everything else in the phase.
  const again = candidates.find((q) => !d.deferredTwice.includes(q.field));
  if (again) return { kind: 'question', question: again };
  if (phase === 'step1' && !d.prioritised && fields.step1.issues.length > 1) return { kind: 'priority' };
  return { kind: 'phase_complete' };
}

import type { CaseFields } from '../case-sheet.js';
import type { Question } from './content.js';
import { getField, setField } from './fields.js';
import { normalizeLoose } from './text.js';
import type { Understanding } from './turn.js';

const ISSUE_SUMMARY_MAX = 80;

function choiceValue(question: Question, text: string): unknown {
  const t = normalizeLoose(text);
  const hit = question.choices?.find((c) => normalizeLoose(c.label) === t || String(c.value) === t);
  return hit?.value;
}

/**
 * Free-text fallback for the issue questions: the owner's own words, trimmed. The general
 * extractor has already looked for a skill field in them and found none, so none is set.
 */
function fallbackList(question: Question, text: string): unknown {
  const summary = normalizeLoose(text).replace(/[。.]+$/u, '').slice(0, ISSUE_SUMMARY_MAX);
  if (!summary) return undefined;
  if (question.field === 'step1.talentIssues') return [summary];
  if (question.field === 'step1.issues') return [{ summary, category: null }];
  return undefined;
}

/**
 * Reads a reply as the answer to `question`: a tapped choice, then the field's own reader,
 * then the owner's words for the issue questions. Lists grow; other fields are replaced.
 */
export function applyAnswer(
  fields: CaseFields, question: Question, text: string, understanding: Understanding,
): { fields: CaseFields; changed: boolean } {
  let value = choiceValue(question, text);
  if (value === undefined) value = understanding.answerFor(question.field, text);
  if (value === undefined) value = fallbackList(question, text);
  if (value === undefined || value === null) return { fields, changed: false };
  const current = getField(fields, question.field);
  if (Array.isArray(current)) {
    const items = Array.isArray(value) ? value : [value];
    if (question.field === 'step1.issues') return { fields: addIssues(fields, items), changed: items.length > 0 };
    const merged = question.field === 'step2.spec.workStyles' ? items : [...current, ...items.filter((i) => !current.includes(i))];
    return { fields: setField(fields, question.field, merged), changed: merged.length > 0 };
  }
  return { fields: setField(fields, question.field, value), changed: current !== value };
}

function addIssues(fields: CaseFields, items: unknown[]): CaseFields {
  const next = structuredClone(fields);
  for (const item of items as { summary: string; category: CaseFields['step1']['issues'][number]['category'] }[]) {
    if (next.step1.issues.some((i) => i.summary === item.summary)) continue;
    next.step1.issues.push({ summary: item.summary, category: item.category, priority: next.step1.issues.length + 1 });
  }
  return next;
}

/** Moves issue `index` (0-based) to priority 1, keeping the others' order. */
export function prioritise(fields: CaseFields, index: number): CaseFields {
  const next = structuredClone(fields);
  const ordered = [...next.step1.issues].sort((a, b) => a.priority - b.priority);
  const [chosen] = ordered.splice(index, 1);
  if (!chosen) return fields;
  next.step1.issues = [chosen, ...ordered].map((issue, i) => ({ ...issue, priority: i + 1 }));
  return next;
}

import { normalizeLoose } from './text.js';
import type { IntakeContent, Question } from './content.js';

export interface LabelledValue {
  question: Question;
  valueText: string;
}

const TRAILER = /(に|へ)?(変更|修正|訂正)?(して(ください|下さい)?|お願いします|でお願いします|です|で)?[。.!！]*$/u;
const SEPARATOR = /^(は|を|が|:|：|＝|=|\s)+/u;

function labelsOf(q: Question): string[] {
  return [q.label, ...q.labels].sort((a, b) => b.length - a.length);
}

/**
 * Reads 「日数は週2日に変更」「予算：月20万円」 as (field, value text). The value is parsed by
 * the field's own reader afterwards, so this only has to find which field is meant.
 */
export function parseLabelledValue(content: IntakeContent, raw: string): LabelledValue | null {
  const text = normalizeLoose(raw);
  let best: { question: Question; label: string; at: number } | null = null;
  for (const question of content.questions) {
    for (const label of labelsOf(question)) {
      const at = text.indexOf(label);
      if (at < 0 || at > 4) continue;
      if (!best || at < best.at || (at === best.at && label.length > best.label.length)) best = { question, label, at };
    }
  }
  if (!best) return null;
  const rest = text.slice(best.at + best.label.length).replace(SEPARATOR, '');
  const valueText = rest.replace(TRAILER, '').trim();
  return valueText ? { question: best.question, valueText } : null;
}

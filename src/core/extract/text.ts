// Sentence and clause splitting and the clean-up of quoted owner text.
import type { PatternsData } from './lexicon-schema.js';
import { alternation, execAll } from './matcher.js';
import { trimSentence } from './normalize.js';

export interface TextRules {
  listEnding: RegExp;
  leading: RegExp;
  trailing: RegExp;
  adverbs: RegExp;
  copula: RegExp;
}

export function compileTextRules(p: PatternsData): TextRules {
  const t = p.text;
  return {
    listEnding: new RegExp(`${alternation(t.list_endings)}$`, 'iu'),
    leading: new RegExp(`^${alternation(t.leading)}[、,\\s]*`, 'iu'),
    trailing: new RegExp(`${alternation(t.trailing)}$`, 'iu'),
    adverbs: new RegExp(`^${alternation(t.adverbs)}[、,\\s]*`, 'iu'),
    copula: new RegExp(`${alternation(t.copula)}$`, 'iu'),
  };
}

/** A piece of the text with its offset, so callers can look at what surrounds it. */
export interface Span {
  text: string;
  start: number;
}

/** Sentences end at 。！？ and line breaks (normalised text: ！？ are already ASCII). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^。!?\n]+/gu;
  for (const m of execAll(re, text)) {
    const start = m.index;
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body !== '') spans.push({ text: body, start: start + lead });
  }
  return spans;
}

/**
 * Clauses of a sentence: a 「、」 starts a new clause when the piece before it ends in
 * hiragana that is not a list ending (…ており、 …で、 …けど、). After a noun (品質、コスト) or
 * a list ending (…とか、) the clause goes on.
 */
export function splitClauses(sentence: Span, rules: TextRules): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  const s = sentence.text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== '、' && ch !== ',') continue;
    const piece = s.slice(start, i);
    if (/[\u3041-\u309F]$/u.test(piece) && !rules.listEnding.test(piece)) {
      pushClause(clauses, s, start, i, sentence.start);
      start = i + 1;
    }
  }
  pushClause(clauses, s, start, s.length, sentence.start);
  return clauses;
}

function pushClause(out: Span[], s: string, from: number, to: number, base: number): void {
  const raw = s.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body !== '') out.push({ text: body, start: base + from + lead });
}

/** Repeatedly removes a pattern anchored at one end until it no longer matches. */
function stripRepeatedly(text: string, re: RegExp): string {
  let out = text;
  for (let guard = 0; guard < 5; guard++) {
    const next = trimSentence(out.replace(re, ''));
    if (next === out || next === '') return out;
    out = next;
  }
  return out;
}

/** The owner's words as a summary: no greeting in front, no particles or full stop at the end. */
export function cleanSummary(text: string, rules: TextRules): string {
  return stripRepeatedly(stripRepeatedly(trimSentence(text), rules.leading), rules.trailing);
}

/** Drops leading time/politeness adverbs (将来的には、できれば). */
export function stripAdverbs(text: string, rules: TextRules): string {
  return stripRepeatedly(trimSentence(text), rules.adverbs);
}

/** Drops a trailing copula (です, と申します) from a name or a field value. */
export function stripCopula(text: string, rules: TextRules): string {
  return stripRepeatedly(trimSentence(text), rules.copula);
}

/** Shortens to at most max characters, cutting at the last clause break when one is near. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const comma = cut.lastIndexOf('、');
  return comma >= max / 2 ? cut.slice(0, comma) : cut.slice(0, max - 1) + '…';
}

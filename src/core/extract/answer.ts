// Targeted parsing of an answer to a question about one field. Bare answers that free
// extraction would not take ("28", "はい", "半年") are read here, in the field's own terms.
import type { MentionedIssue } from './extraction.js';
import { categoryOf, sentenceFindings } from './issues.js';
import { companyName } from './company.js';
import { industry } from './company.js';
import { answerDirection } from './direction.js';
import { detectIntent } from './intent.js';
import type { Lexicon } from './lexicon.js';
import { normalizeText, parseJapaneseNumber, trimSentence } from './normalize.js';
import { bareNumber, dayWord, daysPerWeek, durationMonths, employees, monthlyBudgetYen } from './numbers.js';
import { answerPrefecture, answerRemote } from './places.js';
import { workStyles } from './spec-terms.js';
import { capLength, cleanSummary, splitSentences, stripCopula } from './text.js';

type Parser = (text: string, lex: Lexicon) => unknown;

/** Free text in the owner's words: trimmed, no trailing 。; never an intent such as はい. */
function freeText(text: string, lex: Lexicon): string | undefined {
  if (detectIntent(text, lex) !== null) return undefined;
  const value = trimSentence(text);
  return value === '' ? undefined : value;
}

/** Items of a list answer: split on 、,・/ and line breaks, bullets and full stops removed. */
function listItems(text: string, lex: Lexicon): string[] | undefined {
  if (detectIntent(text, lex) !== null) return undefined;
  const items = text
    .split(/[、,・/\n]+/u)
    .map((s) => stripCopula(trimSentence(s.replace(/^\s*(?:[-*•]|[0-9]+[.)])\s*/u, '')), lex.text))
    .filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
}

function answerEmployees(text: string, lex: Lexicon): number | undefined {
  const stated = employees(text, lex);
  if (stated !== undefined) return stated;
  const n = bareNumber(text);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

function answerDays(text: string, lex: Lexicon): number | undefined {
  const stated = daysPerWeek(text, lex);
  if (stated !== undefined) return stated;
  const n = bareNumber(text);
  return n !== undefined && n > 0 && n <= 7 ? n : dayWord(text, lex);
}

/** "15" or "15万" → 150000 (the question asks in 万円); "150000" stays yen. */
function answerBudget(text: string, lex: Lexicon): number | undefined {
  const stated = monthlyBudgetYen(text, lex);
  if (stated !== undefined) return stated;
  const m = /([0-9.,〇一二三四五六七八九十百千万]+)\s*(万)?\s*(円)?/u.exec(text);
  if (!m?.[1]) return undefined;
  const n = parseJapaneseNumber(m[1] + (m[2] ?? ''));
  if (n === null || n < 0) return undefined;
  if (/年/u.test(text)) return Math.round((n < 1000 && !m[3] ? n * 10_000 : n) / 12);
  return n < 1000 && !m[3] ? n * 10_000 : n;
}

/** "半年" → 6, "1年" → 12, "3" → 3 (the question asks in months). */
function answerDuration(text: string, lex: Lexicon): number | undefined {
  const stated = durationMonths(text, lex, false);
  if (stated !== undefined) return stated;
  const n = bareNumber(text);
  return n !== undefined && n > 0 && n <= 120 ? n : undefined;
}

function answerIssues(text: string, lex: Lexicon): MentionedIssue[] | undefined {
  if (detectIntent(text, lex) !== null) return undefined;
  const issues = splitSentences(normalizeText(text))
    .map((s) => sentenceFindings(s, lex).issue)
    .filter((i): i is MentionedIssue => i !== undefined);
  if (issues.length > 0) return issues;
  const summary = capLength(cleanSummary(normalizeText(text), lex.text), 80);
  return summary === '' ? undefined : [{ summary, category: categoryOf(summary, lex) }];
}

function answerTalent(text: string, lex: Lexicon): string[] | undefined {
  if (detectIntent(text, lex) !== null) return undefined;
  const found = splitSentences(normalizeText(text)).flatMap((s) => sentenceFindings(s, lex).talentIssues);
  const summary = cleanSummary(normalizeText(text), lex.text);
  return found.length > 0 ? found : summary === '' ? undefined : [summary];
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

const PARSERS: Readonly<Record<string, Parser>> = {
  'company.name': (t, lex) => companyName(t, lex) ?? freeText(stripCopula(t, lex.text), lex),
  'company.industry': (t, lex) => industry(t, lex)
    ?? lex.company.industries.first(t)?.value.code,
  'company.prefecture': answerPrefecture,
  'company.employees': answerEmployees,
  'company.description': freeText,
  'step1.vision': freeText,
  'step1.issues': answerIssues,
  'step1.talentIssues': answerTalent,
  'step2.direction': answerDirection,
  'step2.spec.title': freeText,
  'step2.spec.role': freeText,
  'step2.spec.persona': freeText,
  'step2.spec.expectations': freeText,
  'step2.spec.appeal': freeText,
  'step2.spec.duties': listItems,
  'step2.spec.mustHave': listItems,
  'step2.spec.niceToHave': listItems,
  'step2.spec.skillCategories': (t, lex) => nonEmpty(lex.skills.values(t)),
  'step2.spec.workStyles': (t, lex) => nonEmpty(workStyles(t, lex)),
  'step2.spec.daysPerWeek': answerDays,
  'step2.spec.monthlyBudgetYen': answerBudget,
  'step2.spec.durationMonths': answerDuration,
  'step2.spec.location.prefecture': answerPrefecture,
  'step2.spec.location.remoteOk': answerRemote,
};

/** Aliases: the flattened SpecPatch names (step2.spec.remoteOk) mean the same fields. */
const ALIASES: Readonly<Record<string, string>> = {
  'step2.spec.remoteOk': 'step2.spec.location.remoteOk',
  'step2.spec.prefecture': 'step2.spec.location.prefecture',
};

/** The fields answerFor understands. */
export const ANSWER_FIELDS: readonly string[] = [...Object.keys(PARSERS), ...Object.keys(ALIASES)];

/**
 * Parses an answer to a question about `field` (a case-sheet path). Returns the value in the
 * case sheet's type, or undefined when nothing in the answer fits the field.
 */
export function answerFor(field: string, text: string, lex: Lexicon): unknown {
  try {
    const parser = PARSERS[ALIASES[field] ?? field];
    if (!parser || typeof text !== 'string') return undefined;
    const norm = normalizeText(text);
    if (norm === '') return undefined;
    const value = parser(norm, lex);
    return value === null ? undefined : value;
  } catch {
    // A parse failure on odd input means "nothing parsed", never a crash in the dialogue.
    return undefined;
  }
}

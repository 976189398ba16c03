// The offline, deterministic extractor: what one owner utterance states about the case.
// Pure functions over a loaded Lexicon; absent keys mean "not mentioned", never "unknown".
import { companyProfile } from './company.js';
import { direction } from './direction.js';
import { emptyExtraction, type Extraction, type SpecPatch } from './extraction.js';
import { detectIntent } from './intent.js';
import { sentenceFindings } from './issues.js';
import type { Lexicon } from './lexicon.js';
import { execAll } from './matcher.js';
import { normalizeText } from './normalize.js';
import { daysPerWeek, durationMonths, employees, monthlyBudgetYen } from './numbers.js';
import { personFacts } from './person.js';
import { locate, remoteOk } from './places.js';
import { cuedFields, dutyIn, workStyles } from './spec-terms.js';
import { type Span, splitClauses, splitSentences } from './text.js';

export { answerFor, ANSWER_FIELDS } from './answer.js';
export { detectIntent };

/** Sets key only when value is defined, so absent stays absent. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function pushUnique<T>(list: T[], items: readonly T[]): void {
  for (const item of items) if (!list.includes(item)) list.push(item);
}

function companyFacts(text: string, lex: Lexicon, out: Extraction): void {
  const profile = companyProfile(text, lex);
  const place = locate(text, lex);
  put(out.company, 'name', profile.name);
  put(out.company, 'industry', profile.industry);
  put(out.company, 'prefecture', place.company);
  put(out.company, 'employees', employees(text, lex));
  put(out.company, 'description', profile.description);
  put(out.spec, 'prefecture', place.work);
}

function stepOneFacts(sentences: Span[], lex: Lexicon, out: Extraction): void {
  const visions: string[] = [];
  for (const sentence of sentences) {
    const found = sentenceFindings(sentence, lex);
    if (found.issue) out.issues.push(found.issue);
    pushUnique(out.talentIssues, found.talentIssues);
    if (found.vision) visions.push(found.vision);
  }
  if (visions.length > 0) out.vision = visions.join('。');
}

/** A bracketed aside: （デザインもわかる人ならなお良い）. */
const ASIDE = /\(([^()]*)\)/gu;

/** Clauses of a sentence with its asides taken out, then each aside as clauses of its own. */
function clausesWithAsides(sentence: Span, lex: Lexicon): string[] {
  const asides = execAll(ASIDE, sentence.text).map((m) => m[1] ?? '');
  const main = { text: sentence.text.replace(ASIDE, ''), start: sentence.start };
  return [main, ...asides.map((text) => ({ text, start: 0 }))]
    .flatMap((span) => splitClauses(span, lex.text).map((c) => c.text));
}

function personAndDuties(sentences: Span[], lex: Lexicon, spec: SpecPatch): void {
  const duties: string[] = [];
  const mustHave: string[] = [];
  const niceToHave: string[] = [];
  const skills: NonNullable<SpecPatch['skillCategories']> = [];
  for (const sentence of sentences) {
    Object.assign(spec, cuedFields(sentence.text, lex));
    for (const clause of clausesWithAsides(sentence, lex)) {
      const facts = personFacts(clause, lex);
      pushUnique(mustHave, facts.mustHave);
      pushUnique(niceToHave, facts.niceToHave);
      pushUnique(skills, facts.skills);
      pushUnique(duties, facts.duties);
      const duty = dutyIn(clause, lex);
      if (duty) pushUnique(duties, [duty]);
    }
  }
  // What the hire will do says what they must know: 海外営業を手伝う → overseas, sales.
  for (const duty of duties) pushUnique(skills, lex.skills.values(duty));
  if (duties.length > 0) spec.duties = duties;
  if (mustHave.length > 0) spec.mustHave = mustHave;
  if (niceToHave.length > 0) spec.niceToHave = niceToHave;
  if (skills.length > 0) spec.skillCategories = skills;
}

function specFacts(text: string, sentences: Span[], lex: Lexicon, spec: SpecPatch): void {
  const styles = workStyles(text, lex);
  if (styles.length > 0) spec.workStyles = styles;
  put(spec, 'daysPerWeek', daysPerWeek(text, lex));
  put(spec, 'monthlyBudgetYen', monthlyBudgetYen(text, lex));
  put(spec, 'durationMonths', durationMonths(text, lex));
  put(spec, 'remoteOk', remoteOk(text, lex));
  personAndDuties(sentences, lex, spec);
}

/**
 * Everything one utterance states: company facts, STEP 1 issues and vision, STEP 2 direction
 * and job-spec terms. Never throws; odd input gives an empty extraction.
 */
export function extract(text: string, lex: Lexicon): Extraction {
  const out = emptyExtraction();
  try {
    const norm = normalizeText(text);
    // A bare reply (はい, わからない) states nothing about the case.
    if (norm === '' || detectIntent(norm, lex) !== null) return out;
    const sentences = splitSentences(norm);
    companyFacts(norm, lex, out);
    stepOneFacts(sentences, lex, out);
    put(out, 'direction', direction(norm, lex));
    specFacts(norm, sentences, lex, out.spec);
    if (lex.places.correction.test(norm)) out.corrects = true;
    return out;
  } catch {
    // The rules are total by design; this guard keeps one unforeseen input from ending a chat.
    return emptyExtraction();
  }
}

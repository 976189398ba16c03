// zod schemas for the yaml files in prompts/lexicon, plus the checks zod cannot express:
// codes from the shared vocabularies and keywords claimed by two codes. Every error names the
// file and the entry so a domain expert can fix the yaml without reading code.
import { z } from 'zod';
import type { Intent } from './extraction.js';
import { DIRECTIONS, INDUSTRIES, PREFECTURES, SKILLS, WORK_STYLES } from '../vocab.js';

export const INTENTS = ['help', 'restart', 'yes', 'fix', 'unknown', 'later'] as const satisfies readonly Intent[];

export class LexiconError extends Error {
  override readonly name = 'LexiconError';
}

/** A keyword list; numbers in the yaml (23区 is fine, but 100 alone is a number) become strings. */
const phrases = z.array(
  z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1, 'empty keyword')),
);
const codeMap = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

export const prefecturesFile = z.strictObject({
  prefectures: codeMap(phrases),
  strict: phrases,
  regions: phrases,
  not_places: phrases,
});
export const industriesFile = z.strictObject({
  industries: codeMap(z.strictObject({
    keywords: phrases, self_only: phrases.default([]), verbs: phrases.default([]),
  })),
});
export const skillsFile = z.strictObject({ skills: codeMap(phrases) });
export const workStylesFile = z.strictObject({ work_styles: codeMap(phrases) });
export const directionsFile = z.strictObject({
  directions: codeMap(z.strictObject({
    choice: z.number().int().min(1),
    labels: phrases,
    cues: phrases,
  })),
  contrast: phrases,
});
export const intentsFile = z.strictObject({
  intents: codeMap(phrases),
  before: phrases,
  after: phrases,
  max_chars: z.number().int().min(1),
});
export const patternsFile = z.strictObject({
  text: z.strictObject({
    list_endings: phrases, leading: phrases, trailing: phrases, adverbs: phrases, copula: phrases,
  }),
  company: z.strictObject({
    employee_nouns: phrases, employee_after: phrases, employee_not_after: phrases,
    self_markers: phrases, self_predicates: phrases, self_followers: phrases,
    business_suffixes: phrases, description_trailers: phrases, main_product: phrases,
    legal_forms: phrases, name_cues: phrases, org_suffixes: phrases, generic_name_stems: phrases,
    name_stops: phrases, counterparty_before: phrases, counterparty_after: phrases,
  }),
  place: z.strictObject({
    not_after: phrases, candidate_after: phrases, candidate_in_clause: phrases,
    strict_followers: phrases, work_location: phrases,
  }),
  remote: z.strictObject({ yes: phrases, no: phrases, answer_yes: phrases, answer_no: phrases }),
  negation: z.strictObject({ cues: phrases, exceptions: phrases, breaks: phrases }),
  correction: z.strictObject({ markers: phrases }),
  numbers: z.strictObject({
    day_words: z.record(z.string(), z.number().min(0).max(7)),
    day_words_in_request: z.record(z.string(), z.number().min(0).max(7)),
    request_cues: phrases,
    monthly_budget_range: z.strictObject({ min: z.number().min(0), max: z.number().positive() }),
    money_context: phrases, money_not: phrases,
    duration_cues: phrases, duration_not_after: phrases, duration_not: phrases,
  }),
  issue: z.strictObject({ cues: phrases, goals: phrases, vision: phrases }),
  talent: z.strictObject({ cues: phrases, subjects: phrases, lacks: phrases }),
  person: z.strictObject({
    nouns: phrases, desires: phrases, nice: phrases, must: phrases, conditionals: phrases,
  }),
  duty: z.strictObject({ endings: phrases, not_tasks: phrases }),
  spec: z.strictObject({
    appeal: phrases, title: phrases, role: phrases, persona: phrases, expectations: phrases,
  }),
});

/** The files of a lexicon directory and the schema each must satisfy. */
export const LEXICON_FILES = {
  prefectures: { file: 'prefectures.yaml', schema: prefecturesFile },
  industries: { file: 'industries.yaml', schema: industriesFile },
  skills: { file: 'skills.yaml', schema: skillsFile },
  workStyles: { file: 'work-styles.yaml', schema: workStylesFile },
  directions: { file: 'directions.yaml', schema: directionsFile },
  intents: { file: 'intents.yaml', schema: intentsFile },
  patterns: { file: 'patterns.yaml', schema: patternsFile },
} as const;

type Files = typeof LEXICON_FILES;
/** The validated content of every lexicon file. */
export type LexiconData = { [K in keyof Files]: z.output<Files[K]['schema']> };
export type PatternsData = LexiconData['patterns'];

/** Turns a zod failure into one message per issue, each naming the file and the entry path. */
export function describeZodError(file: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  return `lexicon ${file} is invalid:\n${lines.join('\n')}`;
}

/** Fails when a map key is not one of the vocabulary's codes. */
export function checkCodes(
  file: string, section: string, keys: Iterable<string>, known: readonly string[], kind: string,
): void {
  for (const key of keys) {
    if (!known.includes(key)) {
      throw new LexiconError(
        `lexicon ${file}: unknown ${kind} code "${key}" (entry ${section}.${key}); `
        + `expected one of: ${known.join(', ')}`,
      );
    }
  }
}

/** Fails when a keyword is listed under two codes: the match would be ambiguous. */
export function checkUnique(file: string, groups: Iterable<readonly [string, readonly string[]]>): void {
  const owner = new Map<string, string>();
  for (const [code, words] of groups) {
    for (const word of words) {
      const key = word.normalize('NFKC').toLowerCase();
      const previous = owner.get(key);
      if (previous !== undefined && previous !== code) {
        throw new LexiconError(
          `lexicon ${file}: keyword "${word}" is listed under both "${previous}" and "${code}"`,
        );
      }
      owner.set(key, code);
    }
  }
}

/** Code checks for every code-keyed map, after the schemas passed. */
export function checkVocabularies(data: LexiconData): void {
  const f = LEXICON_FILES;
  checkCodes(f.prefectures.file, 'prefectures', Object.keys(data.prefectures.prefectures), PREFECTURES, 'prefecture');
  checkCodes(f.industries.file, 'industries', Object.keys(data.industries.industries), INDUSTRIES, 'INDUSTRY');
  checkCodes(f.skills.file, 'skills', Object.keys(data.skills.skills), SKILLS, 'SKILL');
  checkCodes(f.workStyles.file, 'work_styles', Object.keys(data.workStyles.work_styles), WORK_STYLES, 'WORK_STYLE');
  checkCodes(f.directions.file, 'directions', Object.keys(data.directions.directions), DIRECTIONS, 'DIRECTION');
  checkCodes(f.intents.file, 'intents', Object.keys(data.intents.intents), INTENTS, 'intent');

  const places: Array<readonly [string, readonly string[]]> = Object.entries(data.prefectures.prefectures);
  places.push(['(regions)', data.prefectures.regions], ['(not_places)', data.prefectures.not_places]);
  checkUnique(f.prefectures.file, places);
  const allPlaces = new Set(places.flatMap(([, words]) => words));
  for (const word of data.prefectures.strict) {
    if (!allPlaces.has(word)) {
      throw new LexiconError(`lexicon ${f.prefectures.file}: strict word "${word}" is not listed under any prefecture`);
    }
  }
  checkUnique(f.industries.file, Object.entries(data.industries.industries)
    .map(([code, v]) => [code, [...v.keywords, ...v.self_only, ...v.verbs]] as const));
  checkUnique(f.skills.file, Object.entries(data.skills.skills));
  checkUnique(f.workStyles.file, Object.entries(data.workStyles.work_styles));
  checkUnique(f.directions.file, Object.entries(data.directions.directions).map(([c, v]) => [c, v.cues] as const));
  checkUnique(f.intents.file, Object.entries(data.intents.intents));
  const choices = new Map<number, string>();
  for (const [code, d] of Object.entries(data.directions.directions)) {
    const other = choices.get(d.choice);
    if (other) throw new LexiconError(`lexicon ${f.directions.file}: choice ${d.choice} is used by both "${other}" and "${code}"`);
    choices.set(d.choice, code);
  }
}

// Loads the extractor's vocabulary from prompts/lexicon/*.yaml, validates it, and compiles every
// matcher and regex once. Extraction itself does no I/O.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { promptsDir } from '../repo-root.js';
import type { Skill, WorkStyle } from '../vocab.js';
import { answerFor } from './answer.js';
import { type CompanyRules, compileCompanyRules } from './company.js';
import { compileDirectionRules, type DirectionRules } from './direction.js';
import { extract } from './extractor.js';
import { compileIntentRules, type IntentRules } from './intent.js';
import { compileIssueRules, type IssueRules } from './issues.js';
import {
  checkVocabularies, describeZodError, LEXICON_FILES, type LexiconData, LexiconError,
} from './lexicon-schema.js';
import { Matcher } from './matcher.js';
import { compileNegationRules, type NegationRules } from './negation.js';
import { compileNumberRules, type NumberRules } from './numbers.js';
import { compilePersonRules, type PersonRules } from './person.js';
import { compilePlaceRules, type PlaceRules } from './places.js';
import { compileSpecRules, type SpecRules } from './spec-terms.js';
import { compileTextRules, type TextRules } from './text.js';

export { LexiconError } from './lexicon-schema.js';
export type { LexiconData } from './lexicon-schema.js';

/** A loaded lexicon: the validated yaml (for labels and choices) plus compiled matchers. */
export interface Lexicon {
  readonly dir: string;
  readonly data: LexiconData;
  readonly text: TextRules;
  readonly places: PlaceRules;
  readonly company: CompanyRules;
  readonly numbers: NumberRules;
  readonly negation: NegationRules;
  readonly issues: IssueRules;
  readonly person: PersonRules;
  readonly spec: SpecRules;
  readonly direction: DirectionRules;
  readonly intents: IntentRules;
  readonly skills: Matcher<Skill>;
  readonly workStyles: Matcher<WorkStyle>;
}

/**
 * prompts/lexicon of this package. Walking up to package.json works both from the TypeScript
 * sources (src/core/extract, under vitest) and from the build (dist/src/core/extract).
 */
export function defaultLexiconDir(): string {
  return join(promptsDir(), 'lexicon');
}

function readFile<K extends keyof typeof LEXICON_FILES>(dir: string, key: K): LexiconData[K] {
  const { file, schema } = LEXICON_FILES[key];
  const path = join(dir, file);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LexiconError(`lexicon ${file} cannot be read (${path}): ${reason}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new LexiconError(describeZodError(file, parsed.error));
  return parsed.data as LexiconData[K];
}

function readData(dir: string): LexiconData {
  const data = {
    prefectures: readFile(dir, 'prefectures'),
    industries: readFile(dir, 'industries'),
    skills: readFile(dir, 'skills'),
    workStyles: readFile(dir, 'workStyles'),
    directions: readFile(dir, 'directions'),
    intents: readFile(dir, 'intents'),
    patterns: readFile(dir, 'patterns'),
  };
  checkVocabularies(data);
  return data;
}

function codeMatcher<T extends string>(map: Record<string, readonly string[]>): Matcher<T> {
  return new Matcher(Object.entries(map).flatMap(([code, words]) => words.map((w) => [w, code as T] as const)));
}

function compile(dir: string, data: LexiconData): Lexicon {
  const p = data.patterns;
  return {
    dir,
    data,
    text: compileTextRules(p),
    places: compilePlaceRules(data),
    company: compileCompanyRules(data),
    numbers: compileNumberRules(p),
    negation: compileNegationRules(p),
    issues: compileIssueRules(p),
    person: compilePersonRules(p),
    spec: compileSpecRules(p),
    direction: compileDirectionRules(data),
    intents: compileIntentRules(data),
    skills: codeMatcher<Skill>(data.skills.skills),
    workStyles: codeMatcher<WorkStyle>(data.workStyles.work_styles),
  };
}

/**
 * V8 compiles a regex on its first use; running one utterance through every rule at load time
 * moves that cost (about 10 ms) out of the first owner message.
 */
const WARM_UP = '株式会社マルサ水産（宮城県気仙沼市、従業員42名）。川口でめっき加工をやってます。'
  + '不良が多くて困ってます。品質保証やってた人に来てほしい。週1か2日、月15万まで、半年くらいお願いしたい。';

function warmUp(lexicon: Lexicon): void {
  extract(WARM_UP, lexicon);
  answerFor('step2.spec.location.remoteOk', 'はい', lexicon);
}

const cache = new Map<string, Lexicon>();

/**
 * Reads, validates and compiles the lexicon in `dir` (default: the package's prompts/lexicon).
 * Cached per directory. Throws LexiconError naming the file and entry when the data is wrong.
 */
export function loadLexicon(dir?: string): Lexicon {
  const path = resolve(dir ?? defaultLexiconDir());
  const cached = cache.get(path);
  if (cached) return cached;
  const lexicon = compile(path, readData(path));
  warmUp(lexicon);
  cache.set(path, lexicon);
  return lexicon;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

// Checks a case sheet against a transcript fixture's `*.expected.json` (format described in
// test/fixtures/transcripts/README.md). Node built-ins only, so that tests, the evaluation
// script and anything else can share it.

export interface FieldResult {
  /** the expectation's key, e.g. `step1.issues[].category` */
  field: string;
  ok: boolean;
  /** the expectation as written in the fixture */
  expected: unknown;
  /** the value found at the path (`undefined` when the path does not exist) */
  actual: unknown;
}

export interface TranscriptFixture {
  /** the file name without `.txt`, e.g. `01-hamamatsu-metal-production` */
  name: string;
  /** absolute path of the transcript `.txt` */
  file: string;
  /** the parsed `.expected.json` */
  expected: Record<string, unknown>;
  /** the owner's messages: the transcript's lines without blank lines and `#` comments */
  messages: string[];
}

type Segment = { key: string; each: boolean };

const SEGMENT = /^([A-Za-z_$][\w$]*)(\[\])?$/;

/** `a.b[].c` → [{a}, {b, each}, {c}]. Throws on a malformed path. */
export function parsePath(path: string): Segment[] {
  if (path.length === 0) throw new Error('expectation path is empty');
  return path.split('.').map((part) => {
    const m = SEGMENT.exec(part);
    if (!m) throw new Error(`malformed expectation path "${path}" (at "${part}")`);
    return { key: m[1] as string, each: m[2] !== undefined };
  });
}

/**
 * The value at `path`. `key[]` maps the rest of the path over the array at `key`; a missing
 * key (or a `[]` over something that is not an array) gives `undefined`.
 */
export function resolvePath(value: unknown, path: string): unknown {
  return resolveSegments(value, parsePath(path));
}

function resolveSegments(value: unknown, segments: readonly Segment[]): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  if (!isRecord(value) || !Object.hasOwn(value, head.key)) return undefined;
  const child = value[head.key];
  if (!head.each) return resolveSegments(child, rest);
  if (!Array.isArray(child)) return undefined;
  return child.map((item) => resolveSegments(item, rest));
}

/** Structural equality for JSON values: arrays in order, objects by their own keys. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

const OPERATORS = ['includes', 'contains', 'minLength'] as const;
type Operator = (typeof OPERATORS)[number];

/** An operator object is an object with exactly one key, and that key is an operator. */
function operatorOf(expectation: unknown): Operator | null {
  if (!isRecord(expectation)) return null;
  const keys = Object.keys(expectation);
  if (keys.length !== 1) return null;
  const key = keys[0] as string;
  return (OPERATORS as readonly string[]).includes(key) ? (key as Operator) : null;
}

/** Whether `actual` meets one expectation. Throws on a malformed operator argument. */
export function matches(actual: unknown, expectation: unknown, field = '(field)'): boolean {
  const op = operatorOf(expectation);
  if (op === null) {
    // `null` asserts "stays unknown": a missing key counts as null.
    if (expectation === null) return actual === null || actual === undefined;
    return deepEqual(actual, expectation);
  }
  const arg = (expectation as Record<string, unknown>)[op];
  switch (op) {
    case 'includes': {
      if (!Array.isArray(arg)) throw new Error(`${field}: "includes" takes an array`);
      if (!Array.isArray(actual)) return false;
      return arg.every((want) => actual.some((have) => deepEqual(have, want)));
    }
    case 'contains': {
      if (typeof arg !== 'string') throw new Error(`${field}: "contains" takes a string`);
      if (typeof actual === 'string') return actual.includes(arg);
      // over a mapped or string array (e.g. `step2.spec.duties`): some item contains it
      if (Array.isArray(actual)) return actual.some((s) => typeof s === 'string' && s.includes(arg));
      return false;
    }
    case 'minLength': {
      if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0) {
        throw new Error(`${field}: "minLength" takes a non-negative integer`);
      }
      return Array.isArray(actual) && actual.length >= arg;
    }
  }
}

/** One result per expectation, in the expectation file's order. */
export function checkExpectations(sheet: unknown, expected: Record<string, unknown>): FieldResult[] {
  return Object.entries(expected).map(([field, expectation]) => {
    const actual = resolvePath(sheet, field);
    return { field, ok: matches(actual, expectation, field), expected: expectation, actual };
  });
}

/** Owner messages of a transcript file's text: blank lines and `#` lines are skipped. */
export function transcriptMessages(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/**
 * Every `NN-name.txt` in `dir` with its `NN-name.expected.json`, sorted by name. Throws when a
 * transcript has no expectation file (or the reverse), or an expectation file is not a JSON
 * object: a fixture set must be complete to be used as an evaluation set.
 */
export function loadTranscriptFixtures(dir: string): TranscriptFixture[] {
  const root = resolve(dir);
  const entries = readdirSync(root).sort();
  const transcripts = entries.filter((f) => f.endsWith('.txt'));
  for (const f of entries.filter((e) => e.endsWith('.expected.json'))) {
    if (!transcripts.includes(f.replace(/\.expected\.json$/, '.txt'))) {
      throw new Error(`${join(root, f)} has no transcript ${f.replace(/\.expected\.json$/, '.txt')}`);
    }
  }
  return transcripts.map((f) => {
    const name = basename(f, '.txt');
    const file = join(root, f);
    const expectedFile = join(root, `${name}.expected.json`);
    if (!existsSync(expectedFile)) throw new Error(`${file} has no expectation file ${name}.expected.json`);
    let expected: unknown;
    try {
      expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    } catch (err) {
      throw new Error(`${expectedFile}: not valid JSON (${(err as Error).message})`);
    }
    if (!isRecord(expected)) throw new Error(`${expectedFile}: must hold a JSON object`);
    return { name, file, expected, messages: transcriptMessages(readFileSync(file, 'utf8')) };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

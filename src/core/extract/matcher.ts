// Keyword matching compiled once per lexicon. A Matcher finds every keyword of a list in a
// text, leftmost-longest and without overlaps, and tells which value each keyword stands for.
//
// Keyword syntax (what a domain expert writes in the yaml):
//   - plain text matches itself, case-insensitively for Latin letters ("ISO" = "iso");
//   - "*" inside a keyword means "a few characters of the same sentence" ("ノウハウが*ない").
// A keyword that starts or ends with a Latin letter must not touch another Latin letter, so
// "EC" matches in "ECサイト" but not in "SECRET".
import { normalizeText } from './normalize.js';

export interface Hit<T> {
  start: number;
  end: number;
  text: string;
  value: T;
}

/** Up to 24 characters of the same sentence; lazy so the shortest gap wins. */
const GAP = '[^。!?\\n]{0,24}?';

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/** The keyword as written in the yaml, in the normal form used for matching. */
export function normalizeKeyword(keyword: string): string {
  return normalizeText(keyword);
}

/** Regex source for one keyword: escaped, wildcards expanded, Latin-boundary guards added. */
export function keywordSource(keyword: string): string {
  const k = normalizeKeyword(keyword);
  const body = k.split('*').map(escapeRegex).join(GAP);
  const head = /^[A-Za-z]/u.test(k) ? '(?<![A-Za-z])' : '';
  const tail = /[A-Za-z]$/u.test(k) ? '(?![A-Za-z])' : '';
  return head + body + tail;
}

/** Non-capturing alternation of keywords, longest first so the longest wins at a position. */
export function alternation(keywords: readonly string[]): string {
  const unique = [...new Set(keywords.map(normalizeKeyword).filter((k) => k !== ''))];
  if (unique.length === 0) return '(?!)';
  unique.sort((a, b) => b.length - a.length);
  return `(?:${unique.map(keywordSource).join('|')})`;
}

interface TrieNode {
  end: boolean;
  last: string;
  children: Map<string, TrieNode>;
}

const LATIN = /[A-Za-z]/u;

function trieRegexSource(node: TrieNode, root: boolean): string {
  const branches = [...node.children].map(([ch, child]) => {
    const guard = root && LATIN.test(ch) ? '(?<![A-Za-z])' : '';
    return guard + escapeRegex(ch) + trieRegexSource(child, false);
  });
  if (!node.end) return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  // Greedy: a longer keyword through this node is tried before ending here.
  const stop = LATIN.test(node.last) ? '(?![A-Za-z])' : '';
  return branches.length === 0 ? stop : `(?:${branches.join('|')}|${stop})`;
}

/**
 * One regex for many literal keywords, factored as a trie (東京|東京都 → 東京(?:都|)). V8 then
 * rejects most positions after one character instead of trying every keyword in turn, which
 * keeps a 5,000-character memo in a few milliseconds. Longest match wins at each position.
 */
export function trieSource(keywords: readonly string[]): string {
  const root: TrieNode = { end: false, last: '', children: new Map() };
  for (const k of keywords) {
    let node = root;
    for (const ch of k.toLowerCase()) {
      let next = node.children.get(ch);
      if (!next) {
        next = { end: false, last: ch, children: new Map() };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.end = true;
  }
  return root.children.size === 0 ? '(?!)' : `(?:${trieRegexSource(root, true)})`;
}

/**
 * All matches of a global regex, like String#matchAll but without cloning the regex per call
 * (a clone re-hashes the source, which is costly for the large keyword regexes). Safe because
 * extraction is synchronous: lastIndex is reset before and after use.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

export class Matcher<T> {
  private readonly literal: RegExp | null;
  private readonly byKey = new Map<string, T>();
  private readonly wild: Array<{ re: RegExp; value: T }> = [];

  constructor(entries: Iterable<readonly [string, T]>) {
    const literals: string[] = [];
    for (const [keyword, value] of entries) {
      const k = normalizeKeyword(keyword);
      if (k === '') continue;
      if (k.includes('*')) {
        this.wild.push({ re: new RegExp(keywordSource(k), 'giu'), value });
      } else if (!this.byKey.has(k.toLowerCase())) {
        this.byKey.set(k.toLowerCase(), value);
        literals.push(k);
      }
    }
    this.literal = literals.length > 0 ? new RegExp(trieSource(literals), 'giu') : null;
  }

  /** All keyword occurrences, left to right, longest first where two start together. */
  findAll(text: string): Array<Hit<T>> {
    const hits: Array<Hit<T>> = [];
    if (this.literal) {
      for (const m of execAll(this.literal, text)) {
        const value = this.byKey.get(m[0].toLowerCase());
        if (value !== undefined) hits.push(hitOf(m, value));
      }
    }
    for (const { re, value } of this.wild) {
      for (const m of execAll(re, text)) hits.push(hitOf(m, value));
    }
    return this.wild.length === 0 ? hits : dropOverlaps(hits);
  }

  first(text: string): Hit<T> | undefined {
    return this.findAll(text)[0];
  }

  last(text: string): Hit<T> | undefined {
    return this.findAll(text).at(-1);
  }

  test(text: string): boolean {
    return this.findAll(text).length > 0;
  }

  /** Distinct values in order of first appearance. */
  values(text: string): T[] {
    return [...new Set(this.findAll(text).map((h) => h.value))];
  }
}

function hitOf<T>(m: RegExpExecArray, value: T): Hit<T> {
  const start = m.index;
  return { start, end: start + m[0].length, text: m[0], value };
}

function dropOverlaps<T>(hits: Array<Hit<T>>): Array<Hit<T>> {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Array<Hit<T>> = [];
  let reach = -1;
  for (const h of hits) {
    if (h.start >= reach) {
      kept.push(h);
      reach = h.end;
    }
  }
  return kept;
}

/** A set of cue phrases: a Matcher whose value is just "found". */
export type PhraseSet = Matcher<true>;

export function phraseSet(keywords: readonly string[]): PhraseSet {
  return new Matcher(keywords.map((k) => [k, true] as const));
}

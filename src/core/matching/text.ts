// Japanese free text for retrieval: NFKC, then overlapping character pairs
// (bigrams) of content characters only. No dictionary is needed (none can be downloaded
// here, see toolchain.md), and bigrams match 品質保証 in 品質保証部長 as well as in 品質の保証.
// Hiragana is left out: particles and verb endings (して, ます, の) carry no subject matter
// and would otherwise make most postings lists long.

/** NFKC only: full-width ＩＳＯ becomes ISO. Case is folded in the bigram codes, so quoted phrases keep theirs. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC');
}

/** Kanji, katakana (with ー), Latin letters and digits: the characters that name things. */
export function isContentChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z (callers fold A-Z first)
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    code === 0x3005 || // 々
    (code >= 0x30a1 && code <= 0x30fa) || // katakana
    code === 0x30fc // ー
  );
}

/** A bigram as one number: two UTF-16 code units. Exact in a double, cheap as a Map key. */
export const bigramCode = (first: number, second: number): number => first * 0x10000 + second;

/** Calls `visit` for every content bigram of normalized text, with the position of its first character. */
export function forEachBigram(normalized: string, visit: (code: number, at: number) => void): void {
  let previous = -1;
  for (let i = 0; i < normalized.length; i++) {
    let code = normalized.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20; // ISO and iso are one word
    if (!isContentChar(code)) {
      previous = -1;
      continue;
    }
    if (previous >= 0) visit(bigramCode(previous, code), i - 1);
    previous = code;
  }
}

export function bigramSet(normalized: string): Set<number> {
  const set = new Set<number>();
  forEachBigram(normalized, (code) => set.add(code));
  return set;
}

/**
 * The longest runs of `doc` made of bigrams found in `wanted`: the phrases a person's record
 * shares with a business issue (品質保証, iso9001). Each comes with the sum of its bigrams'
 * weights, so rare shared words outrank common ones.
 */
export function sharedPhrases(doc: string, wanted: ReadonlySet<number>, weightOf: (code: number) => number): { phrase: string; weight: number }[] {
  const found = new Map<string, number>();
  let start = -1;
  let end = -1;
  let weight = 0;
  const flush = () => {
    if (start >= 0) {
      const phrase = doc.slice(start, end + 2);
      found.set(phrase, Math.max(found.get(phrase) ?? 0, weight));
    }
    start = -1;
    weight = 0;
  };
  forEachBigram(doc, (code, at) => {
    if (!wanted.has(code)) return flush();
    if (start >= 0 && at !== end + 1) flush();
    if (start < 0) start = at;
    end = at;
    weight += weightOf(code);
  });
  flush();
  return [...found].map(([phrase, w]) => ({ phrase, weight: w })).sort((a, b) => b.weight - a.weight || (a.phrase < b.phrase ? -1 : 1));
}

/** NFKC plus trimmed, folded whitespace: enough to compare short replies and labels. */
export function normalizeLoose(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Whole-message match against a phrase list, ignoring trailing punctuation and です. */
export function isPhrase(text: string, phrases: readonly string[]): boolean {
  const t = normalizeLoose(text).replace(/(です|でした)?[。.!！、]*$/u, '');
  return phrases.some((p) => normalizeLoose(p) === t);
}

/** True when the text has at least one letter or digit in any script. */
export function hasReadableText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(/[\p{Cc}\p{Cs}\uFFFD]/gu, ''));
}

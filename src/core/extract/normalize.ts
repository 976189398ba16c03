// Text normalisation and number parsing for owner messages. Pure functions, no lexicon needed.
//
// Everything downstream matches against normalizeText() output, and lexicon keywords go through
// the same function at load time, so full-width/half-width variants meet in one form.

/** Input beyond this is ignored: no owner message or memo is this long, and it bounds run time. */
export const MAX_INPUT_CHARS = 20_000;

/** Unicode NFKC: full-width digits and Latin to ASCII, half-width kana to full-width, ㈱ to (株). */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** Drops control characters, U+FFFD, zero-width characters and lone surrogates (binary garbage). */
export function stripControl(text: string): string {
  return text
    .replace(/\p{Cs}/gu, '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD\u200B-\u200D\u2060\uFEFF]/gu, '');
}

/** One kind of range mark: NFKC leaves 〜 (U+301C) but turns ～ into "~"; owners use both. */
export function unifyTilde(text: string): string {
  return text.replace(/[~∼〜]/gu, '〜');
}

/** CRLF to LF, runs of spaces/tabs to one space, spaces trimmed around line breaks. */
export function foldWhitespace(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .replace(/[^\S\n]+/gu, ' ')
    .replace(/ *\n */gu, '\n')
    .replace(/\n{2,}/gu, '\n')
    .trim();
}

/** The single normal form used for matching and for the text quoted back in extractions. */
export function normalizeText(text: string): string {
  if (typeof text !== 'string') return '';
  const bounded = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
  return foldWhitespace(unifyTilde(nfkc(stripControl(bounded))));
}

const KANJI_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { '十': 10, '百': 100, '千': 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { '万': 10_000, '億': 100_000_000 };

/** Character class source for one "number run" (digits, kanji numerals, units, decimal point). */
export const NUMBER_RUN = '[0-9.,〇零一二三四五六七八九十百千万億]+';
/** A small count (days, visits, months, people): digits or kanji without big units. */
export const SMALL_NUMBER = '(?:[0-9]+(?:\\.[0-9]+)?|[〇一二三四五六七八九十百千]+)';

function digitsValue(digits: string): number | null {
  if (digits === '') return 0;
  const n = Number(digits);
  return Number.isFinite(n) ? n : null;
}

/**
 * Parses Arabic, kanji and mixed numerals: "28", "二十八", "1.5", "15万", "十五万", "1万5千",
 * "150,000", "二〇二四". Returns null for anything else (no partial parses).
 */
export function parseJapaneseNumber(raw: string): number | null {
  const s = raw.trim().replace(/,(?=[0-9]{3}(?![0-9]))/gu, '');
  if (s === '' || s.length > 30) return null;
  if (/^[0-9]+(?:\.[0-9]+)?$/u.test(s)) return Number(s);
  let total = 0;
  let section = 0;
  let digits = '';
  let sawAny = false;
  for (const ch of s) {
    if (/[0-9.]/u.test(ch)) {
      digits += ch;
    } else if (ch in KANJI_DIGITS) {
      digits += String(KANJI_DIGITS[ch]);
    } else if (ch in SMALL_UNITS) {
      const n = digits === '' ? 1 : digitsValue(digits);
      if (n === null) return null;
      section += n * (SMALL_UNITS[ch] ?? 0);
      digits = '';
    } else if (ch in BIG_UNITS) {
      const n = digitsValue(digits);
      if (n === null) return null;
      const head = section + n;
      total += (head === 0 ? 1 : head) * (BIG_UNITS[ch] ?? 0);
      section = 0;
      digits = '';
    } else {
      return null;
    }
    sawAny = true;
  }
  const tail = digitsValue(digits);
  if (!sawAny || tail === null) return null;
  const value = total + section + tail;
  return Number.isFinite(value) ? value : null;
}

/** Rounds to a number of decimals (monthly visits / 4 → days per week to 2 decimals). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Trims whitespace and trailing sentence punctuation: the owner's words, minus the full stop. */
export function trimSentence(text: string): string {
  return text.trim().replace(/[。.!?！？、,\s]+$/u, '').replace(/^[、,・\s]+/u, '').trim();
}

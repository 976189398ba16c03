// Numbers the case sheet needs: employees, days per week, monthly budget, engagement length.
// Each finder returns undefined when the text does not state the value; nothing is guessed.
import type { Lexicon } from './lexicon.js';
import type { PatternsData } from './lexicon-schema.js';
import { alternation, execAll, Matcher, phraseSet, type PhraseSet } from './matcher.js';
import { isNegatedAfter, pickLatest } from './negation.js';
import { NUMBER_RUN, parseJapaneseNumber, roundTo, SMALL_NUMBER } from './normalize.js';

const N = SMALL_NUMBER;
const RANGE = `(?:\\s*(?:〜|-|か|から|、|・|ないし|または)\\s*(${N}))?`;
const APPROX = '(?:約|だいたい|ざっと|およそ|大体|最大|上限|今|現在|今は)?';
const NOT_DIGIT_BEFORE = '(?<![0-9.〇一二三四五六七八九十百千])';
/** An amount is not money when a counter follows it (年間1万件, 5万人). */
const NOT_COUNTER = '(?!\\s*[件人名社個台本回部枚食泊頭羽])';
/** A count must not run on into another unit (週40時間, 週2万円). */
const NOT_OTHER_UNIT = '(?!\\s*(?:時間|人|件|万|円|個|本|km|キロ|[0-9〇一二三四五六七八九十]))';

export interface NumberRules {
  employees: RegExp;
  employeesAfter: RegExp;
  employeeNotAfter: RegExp;
  perWeek: RegExp;
  perMonth: RegExp;
  dayWords: Matcher<number>;
  requestDayWords: Matcher<number>;
  requestCues: PhraseSet;
  money: RegExp;
  budgetRange: { min: number; max: number };
  moneyContext: PhraseSet;
  moneyNot: PhraseSet;
  duration: RegExp;
  durationCues: PhraseSet;
  durationNotAfter: RegExp;
  durationNot: PhraseSet;
}

export function compileNumberRules(p: PatternsData): NumberRules {
  const c = p.company;
  const n = p.numbers;
  return {
    employees: new RegExp(
      `${alternation(c.employee_nouns)}(?:は|が|数は|数が|数|も|で|:)?\\s*${APPROX}\\s*(${N})${RANGE}\\s*(?:人|名)`, 'giu'),
    employeesAfter: new RegExp(
      `${NOT_DIGIT_BEFORE}(${N})${RANGE}\\s*(?:人|名)(?:ほど|くらい|ぐらい|程度|前後|弱|強)?${alternation(c.employee_after)}`, 'giu'),
    employeeNotAfter: new RegExp(`^(?:ほど|くらい|ぐらい|程度|が|も|\\s)*${alternation(c.employee_not_after)}`, 'iu'),
    perWeek: new RegExp(`週(?!休)(?:に|で)?\\s*${APPROX}\\s*(${N})${RANGE}\\s*(?:日|回|度)?${NOT_OTHER_UNIT}`, 'gu'),
    perMonth: new RegExp(
      `(?<![0-9〇一二三四五六七八九十今先来翌ヶかカヵケ箇])(?:毎月|ひと月|月)(?:に|で)?\\s*${APPROX}\\s*(${N})${RANGE}\\s*(?:回|日|度)`, 'gu'),
    dayWords: new Matcher(Object.entries(n.day_words)),
    requestDayWords: new Matcher(Object.entries(n.day_words_in_request)),
    requestCues: phraseSet(n.request_cues),
    money: new RegExp(
      `(?:(?<![0-9])(月額|月々|毎月|ひと月|月)(?:に|で|あたり|当たり)?|(?<![0-9])(年間|年額|年に|年))?\\s*${APPROX}\\s*`
      + `(${NUMBER_RUN})\\s*(円)?${NOT_COUNTER}(?:\\s*〜\\s*(${NUMBER_RUN})\\s*(円)?${NOT_COUNTER})?`, 'gu'),
    budgetRange: n.monthly_budget_range,
    moneyContext: phraseSet(n.money_context),
    moneyNot: phraseSet(n.money_not),
    duration: new RegExp(
      `${NOT_DIGIT_BEFORE}(?:(${N})\\s*年\\s*(半)?|(半)\\s*年|(${N})\\s*(?:か|ヶ|ヵ|カ|ケ|箇|個)\\s*月)(?:\\s*間)?`, 'gu'),
    durationCues: phraseSet(n.duration_cues),
    durationNotAfter: new RegExp(`^\\s*${alternation(n.duration_not_after)}`, 'iu'),
    durationNot: phraseSet(n.duration_not),
  };
}

interface Found {
  start: number;
  value: number;
}

/** The upper bound of "1か2", "20〜30": the owner is willing up to that. */
function upper(first: string | undefined, second: string | undefined): number | null {
  const a = first === undefined ? null : parseJapaneseNumber(first);
  const b = second === undefined ? null : parseJapaneseNumber(second);
  return b ?? a;
}

/** The clause (between 、。 and line breaks, at most 200 characters each way) around a match. */
function clauseAround(text: string, start: number, end: number): string {
  const lookBack = Math.max(0, start - 200);
  const back = /[、。!?\n][^、。!?\n]*$/u.exec(text.slice(lookBack, start));
  const from = back ? lookBack + back.index + 1 : lookBack;
  const ahead = /[、。!?\n]/u.exec(text.slice(end, end + 200));
  return text.slice(from, ahead ? end + ahead.index : Math.min(text.length, end + 200));
}

const WORD_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー]/u;

/** ベテラン社員2名, 若手社員3人: the noun ends a longer noun, so the count is part of the staff. */
function isCompoundNoun(text: string, start: number): boolean {
  return WORD_CHAR.test(text.charAt(start)) && WORD_CHAR.test(text.charAt(start - 1));
}

export function employees(text: string, lex: Lexicon): number | undefined {
  const r = lex.numbers;
  const found: Found[] = [];
  for (const re of [r.employees, r.employeesAfter]) {
    for (const m of execAll(re, text)) {
      const value = upper(m[1], m[2]);
      const end = m.index + m[0].length;
      if (value === null || !Number.isInteger(value) || value <= 0 || value > 1_000_000) continue;
      if (re === r.employees && (r.employeeNotAfter.test(text.slice(end, end + 12)) || isCompoundNoun(text, m.index))) continue;
      found.push({ start: m.index, value });
    }
  }
  // The first figure is the total; later ones are usually parts of it (うちパート14名).
  found.sort((a, b) => a.start - b.start);
  return found[0]?.value;
}

/** Days per week: 週2日 → 2, 週1か2日 → 2, 月に2回 → 0.5, 毎日 → 5, 半日 → 0.5. */
export function daysPerWeek(text: string, lex: Lexicon): number | undefined {
  const r = lex.numbers;
  const found: Found[] = [];
  const add = (start: number, end: number, value: number | null): void => {
    if (value === null || value <= 0 || value > 7) return;
    if (isNegatedAfter(text, end, lex)) return;
    found.push({ start, value });
  };
  for (const m of execAll(r.perWeek, text)) {
    add(m.index, m.index + m[0].length, upper(m[1], m[2]));
  }
  // 「月に一度は窯に来て」 adds a minimum visit to a weekly rhythm; it does not replace 週1日.
  const minimums: Found[] = [];
  for (const m of execAll(r.perMonth, text)) {
    const n = upper(m[1], m[2]);
    const end = m.index + m[0].length;
    if (text.charAt(end) === 'は') {
      if (n !== null && !isNegatedAfter(text, end, lex)) minimums.push({ start: m.index, value: roundTo(n / 4, 2) });
    } else {
      add(m.index, end, n === null ? null : roundTo(n / 4, 2));
    }
  }
  for (const h of r.dayWords.findAll(text)) {
    if (!found.some((f) => f.start <= h.start && h.start < f.start + 4)) add(h.start, h.end, h.value);
  }
  for (const h of r.requestDayWords.findAll(text)) {
    if (r.requestCues.test(clauseAround(text, h.start, h.end))) add(h.start, h.end, h.value);
  }
  found.sort((a, b) => a.start - b.start);
  return pickLatest(found)?.value ?? pickLatest(minimums)?.value;
}

/** A day word on its own (a direct answer such as 「半日」 or 「毎日」), context not required. */
export function dayWord(text: string, lex: Lexicon): number | undefined {
  const r = lex.numbers;
  const hit = r.dayWords.first(text) ?? r.requestDayWords.first(text);
  return hit && !isNegatedAfter(text, hit.end, lex) ? hit.value : undefined;
}

/** Yen for one money match, or null when the match is a bare number rather than an amount. */
function amountOf(run: string | undefined, yen: string | undefined): number | null {
  if (run === undefined || !/[0-9〇一二三四五六七八九]/u.test(run)) return null;
  if (yen === undefined && !/[万千億]/u.test(run)) return null;
  const value = parseJapaneseNumber(run);
  return value === null || value <= 0 ? null : value;
}

/** Monthly budget in yen: 月15万 → 150000, 年間120万 → 100000. Frequencies (月2回) never count. */
export function monthlyBudgetYen(text: string, lex: Lexicon): number | undefined {
  const r = lex.numbers;
  const found: Found[] = [];
  for (const m of execAll(r.money, text)) {
    const [, month, year, run, yen, run2, yen2] = m;
    const amount = amountOf(run2, yen2 ?? yen) ?? amountOf(run, yen ?? yen2);
    if (amount === null) continue;
    const start = m.index;
    const clause = clauseAround(text, start, start + m[0].length);
    if (r.moneyNot.test(clause)) continue;
    if (!month && !year && !r.moneyContext.test(clause)) continue;
    const monthly = Math.round(year ? amount / 12 : amount);
    if (monthly < r.budgetRange.min || monthly > r.budgetRange.max) continue;
    found.push({ start, value: monthly });
  }
  return pickLatest(found)?.value;
}

function durationValue(m: RegExpMatchArray): number | null {
  const [, years, half, halfYear, months] = m;
  if (halfYear) return 6;
  if (years !== undefined) {
    const y = parseJapaneseNumber(years);
    return y === null || y > 10 ? null : y * 12 + (half ? 6 : 0);
  }
  const mo = months === undefined ? null : parseJapaneseNumber(months);
  return mo === null || mo > 120 ? null : mo;
}

/**
 * Engagement length in months (半年 → 6, 1年間 → 12, 3ヶ月 → 3), only in a clause about the
 * engagement; ages (70歳), experience (10年以上の経験) and history (創業50年) never count.
 * With requireCue false (a direct answer), any period counts.
 */
export function durationMonths(text: string, lex: Lexicon, requireCue = true): number | undefined {
  const r = lex.numbers;
  const found: Found[] = [];
  for (const m of execAll(r.duration, text)) {
    const value = durationValue(m);
    const start = m.index;
    const end = start + m[0].length;
    if (value === null || value <= 0) continue;
    if (r.durationNotAfter.test(text.slice(end, end + 10))) continue;
    const clause = clauseAround(text, start, end);
    if (r.durationNot.test(clause)) continue;
    const aroundToken = clause.replace(m[0], '');
    if (requireCue && !r.durationCues.test(aroundToken)) continue;
    found.push({ start, value });
  }
  return pickLatest(found)?.value;
}

/** The first number in a bare answer ("28", "二十人くらい", "1〜2"): the upper bound of a range. */
const BARE_NUMBER = new RegExp(`(${NUMBER_RUN})(?:\\s*(?:〜|-|か|から)\\s*(${NUMBER_RUN}))?`, 'u');

export function bareNumber(text: string): number | undefined {
  const m = BARE_NUMBER.exec(text);
  if (!m) return undefined;
  return upper(m[1], m[2]) ?? undefined;
}

// Is a word negated by what follows it in its clause? フルタイムで雇う余裕はない negates
// フルタイム; 副業でも構わない does not negate 副業.
import type { Lexicon } from './lexicon.js';
import type { PatternsData } from './lexicon-schema.js';
import { alternation } from './matcher.js';

export interface NegationRules {
  cue: RegExp;
  exception: RegExp;
  windowEnd: RegExp;
}

export function compileNegationRules(p: PatternsData): NegationRules {
  return {
    cue: new RegExp(alternation(p.negation.cues), 'iu'),
    exception: new RegExp(alternation(p.negation.exceptions), 'giu'),
    windowEnd: new RegExp(`[、。!?\\n]|${alternation(p.negation.breaks)}`, 'iu'),
  };
}

/** The rest of the clause after position `end`, cut at the first clause break. */
export function negationWindow(text: string, end: number, lex: Lexicon): string {
  const rest = text.slice(end, end + 40);
  const stop = lex.negation.windowEnd.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
}

export function isNegatedAfter(text: string, end: number, lex: Lexicon): boolean {
  const window = negationWindow(text, end, lex).replace(lex.negation.exception, '');
  return lex.negation.cue.test(window);
}

/**
 * The value the owner stated last (「週1日って言ったけど、やっぱり週2日で」 → 週2日). Values
 * negated in place (週1じゃなくて) are dropped by the callers before this.
 */
export function pickLatest<T>(items: readonly T[]): T | undefined {
  return items.at(-1);
}

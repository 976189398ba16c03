// Conversation intents (help, restart, yes, fix, unknown, later) from messages that are only
// that: every part of the message must be an intent phrase or a filler, so a sentence that
// merely contains わからない (品質がわからない人ばかり) is not "unknown".
import type { Intent } from './extraction.js';
import type { Lexicon } from './lexicon.js';
import type { LexiconData } from './lexicon-schema.js';
import { alternation } from './matcher.js';
import { normalizeText } from './normalize.js';

export interface IntentRules {
  parts: Array<{ intent: Intent; re: RegExp }>;
  filler: RegExp;
  maxChars: number;
}

export function compileIntentRules(data: LexiconData): IntentRules {
  const i = data.intents;
  const before = `(?:${alternation(i.before)}\\s*)*`;
  const after = `(?:\\s*${alternation(i.after)})*`;
  return {
    parts: Object.entries(i.intents).map(([intent, phrases]) => ({
      intent: intent as Intent,
      re: new RegExp(`^${before}(?:${alternation(phrases)}\\s*)+${after}$`, 'iu'),
    })),
    filler: new RegExp(`^(?:${alternation([...i.before, ...i.after])}\\s*)+$`, 'iu'),
    maxChars: i.max_chars,
  };
}

/** Splits on punctuation and spaces; emoji other than listed phrases are dropped. */
function partsOf(text: string): string[] {
  return text
    .split(/[\s、。,.!?…・「」()]+/u)
    .map((p) => p.replace(/[\p{Extended_Pictographic}\uFE0F](?<!👍)/gu, '').trim())
    .filter((p) => p !== '');
}

export function detectIntent(text: string, lex: Lexicon): Intent | null {
  const norm = normalizeText(text);
  if (norm === '' || norm.length > lex.intents.maxChars) return null;
  let found: Intent | null = null;
  for (const part of partsOf(norm)) {
    const match = lex.intents.parts.find((p) => p.re.test(part));
    if (match) {
      found = match.intent;
    } else if (!lex.intents.filler.test(part)) {
      return null;
    }
  }
  return found;
}

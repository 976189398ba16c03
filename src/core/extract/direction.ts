// STEP 2 direction from free talk, or from an answer to "which direction?".
//
// Cues are weighed per sentence: in 「新しく人を採るというより、息子を一人前にしたい」 the cue after
// the contrast marker counts double and any cue before it not at all. Between directions of
// the same weight, the one with more cues wins; if they are still level, nothing is set: the
// dialogue asks instead of guessing.
import type { Direction } from '../vocab.js';
import type { Lexicon } from './lexicon.js';
import type { LexiconData } from './lexicon-schema.js';
import { Matcher, phraseSet, type PhraseSet } from './matcher.js';
import { splitSentences } from './text.js';

export interface DirectionRules {
  cues: Matcher<Direction>;
  labels: Matcher<Direction>;
  contrast: PhraseSet;
  choices: Map<number, Direction>;
}

export function compileDirectionRules(data: LexiconData): DirectionRules {
  const cues: Array<[string, Direction]> = [];
  const labels: Array<[string, Direction]> = [];
  const choices = new Map<number, Direction>();
  for (const [code, d] of Object.entries(data.directions.directions)) {
    const direction = code as Direction;
    for (const c of d.cues) cues.push([c, direction]);
    for (const l of d.labels) labels.push([l, direction]);
    choices.set(d.choice, direction);
  }
  return {
    cues: new Matcher(cues),
    labels: new Matcher(labels),
    contrast: phraseSet(data.directions.contrast),
    choices,
  };
}

/** 0 = the rejected side of a contrast, 1 = plain, 2 = the preferred side. */
function weightOf(hit: { start: number; end: number }, marker: { start: number; end: number } | undefined): number {
  if (!marker) return 1;
  if (hit.end <= marker.start) return 0;
  return hit.start >= marker.end ? 2 : 1;
}

export function direction(text: string, lex: Lexicon): Direction | undefined {
  const score = new Map<Direction, { weight: number; count: number }>();
  for (const sentence of splitSentences(text)) {
    const marker = lex.direction.contrast.first(sentence.text);
    for (const hit of lex.direction.cues.findAll(sentence.text)) {
      const weight = weightOf(hit, marker);
      if (weight === 0) continue;
      const s = score.get(hit.value) ?? { weight: 0, count: 0 };
      if (weight > s.weight) score.set(hit.value, { weight, count: 1 });
      else if (weight === s.weight) score.set(hit.value, { weight, count: s.count + 1 });
    }
  }
  const ranked = [...score].sort(([, a], [, b]) => b.weight - a.weight || b.count - a.count);
  const [best, second] = ranked;
  if (!best) return undefined;
  const tie = second && second[1].weight === best[1].weight && second[1].count === best[1].count;
  return tie ? undefined : best[0];
}

/** An answer to the direction question: a choice number, a label, or a phrase with a cue. */
export function answerDirection(text: string, lex: Lexicon): Direction | undefined {
  const choice = /^(\d)\s*(?:番|\.)?(?:で|です|でお願いします)?$/u.exec(text.trim());
  if (choice?.[1]) return lex.direction.choices.get(Number(choice[1]));
  const stated = direction(text, lex);
  if (stated) return stated;
  const labels = lex.direction.labels.values(text);
  return labels.length === 1 ? labels[0] : undefined;
}

// Where the company is, where the hire would work, and whether the hire may work remotely.
//
// A place word sets company.prefecture only when it is about the company: not negated
// (静岡じゃなくて), not a market or product origin (東京向け, 北海道産), not a surname (松本さん),
// and not in a clause about the candidate (首都圏在住でも可, 東京の人でもいい).
import type { Prefecture } from '../vocab.js';
import { PREFECTURES } from '../vocab.js';
import type { Lexicon } from './lexicon.js';
import type { LexiconData } from './lexicon-schema.js';
import { alternation, type Hit, Matcher, phraseSet, type PhraseSet } from './matcher.js';
import { isHireClause } from './person.js';

/** What a place word stands for: a prefecture, a region (never a prefecture) or a non-place. */
export type PlaceValue = Prefecture | 'region' | 'not_place';

export interface PlaceRules {
  places: Matcher<PlaceValue>;
  strict: Set<string>;
  strictFollowers: RegExp;
  suffix: RegExp;
  notAfter: RegExp;
  candidateAfter: RegExp;
  candidateInClause: PhraseSet;
  workLocation: PhraseSet;
  correction: PhraseSet;
  remote: Matcher<boolean>;
  remoteAnswer: { no: PhraseSet; yes: PhraseSet };
}

export function compilePlaceRules(data: LexiconData): PlaceRules {
  const { prefectures: pf, patterns: p } = data;
  const entries: Array<[string, PlaceValue]> = PREFECTURES.map((name) => [name, name]);
  for (const [name, words] of Object.entries(pf.prefectures)) {
    for (const w of words) entries.push([w, name as Prefecture]);
  }
  for (const w of pf.regions) entries.push([w, 'region']);
  for (const w of pf.not_places) entries.push([w, 'not_place']);
  const remote: Array<[string, boolean]> = [
    ...p.remote.no.map((w) => [w, false] as [string, boolean]),
    ...p.remote.yes.map((w) => [w, true] as [string, boolean]),
  ];
  return {
    places: new Matcher(entries),
    strict: new Set(pf.strict.map((w) => w.normalize('NFKC'))),
    strictFollowers: new RegExp(`^${alternation(p.place.strict_followers)}`, 'iu'),
    suffix: /^(?:県|府|都|道|市|町|村|区|郡)/u,
    notAfter: new RegExp(`^${alternation(p.place.not_after)}`, 'iu'),
    candidateAfter: new RegExp(`^${alternation(p.place.candidate_after)}`, 'iu'),
    candidateInClause: phraseSet(p.place.candidate_in_clause),
    workLocation: phraseSet(p.place.work_location),
    correction: phraseSet(p.correction.markers),
    remote: new Matcher(remote),
    remoteAnswer: { no: phraseSet(p.remote.answer_no), yes: phraseSet(p.remote.answer_yes) },
  };
}

/** A prefecture mention and what the words around it say it is about. */
export interface PlaceMention {
  prefecture: Prefecture;
  start: number;
  end: number;
  aboutCandidate: boolean;
  workLocation: boolean;
}

/** End of the clause that contains position i (next 、 or sentence end). */
function clauseEnd(text: string, i: number): number {
  const m = /[、。!?\n]/u.exec(text.slice(i));
  return m ? i + m.index : text.length;
}

/** Start of the clause that contains position i. */
function clauseStart(text: string, i: number): number {
  const before = text.slice(Math.max(0, i - 200), i);
  const m = /[、。!?\n][^、。!?\n]*$/u.exec(before);
  return m ? i - before.length + m.index + 1 : Math.max(0, i - 200);
}

/** Start of the sentence that contains position i (looking back at most 200 characters). */
function sentenceStart(text: string, i: number): number {
  const from = Math.max(0, i - 200);
  const m = /[。!?\n][^。!?\n]*$/u.exec(text.slice(from, i));
  return m ? from + m.index + 1 : from;
}

function describe(text: string, hit: Hit<PlaceValue>, lex: Lexicon): PlaceMention | null {
  const rules = lex.places;
  if (hit.value === 'region' || hit.value === 'not_place') return null;
  const rawAfter = text.slice(hit.end, hit.end + 30);
  if (rules.strict.has(hit.text) && !rules.strictFollowers.test(rawAfter)) return null;
  const after = rawAfter.replace(rules.suffix, '');
  if (rules.notAfter.test(after)) return null;
  const end = clauseEnd(text, hit.end);
  const rest = text.slice(hit.end, end);
  // 川口の工場で働いてた人がいい: a place inside a description of the hire is the hire's past.
  const aboutCandidate = rules.candidateAfter.test(after) || rules.candidateInClause.test(rest)
    || isHireClause(text.slice(clauseStart(text, hit.start), end), lex);
  const lead = text.slice(sentenceStart(text, hit.start), hit.start);
  return {
    prefecture: hit.value, start: hit.start, end: hit.end, aboutCandidate,
    workLocation: rules.workLocation.test(lead),
  };
}

/** Every prefecture mention that is not negated, a market, a product origin or a surname. */
export function placeMentions(text: string, lex: Lexicon): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const hit of lex.places.places.findAll(text)) {
    const m = describe(text, hit, lex);
    if (m) out.push(m);
  }
  return out;
}

/** Mentions after the last correction marker (いや、やっぱり) when there is one. */
function afterCorrection<T extends { start: number }>(text: string, items: T[], lex: Lexicon): T[] {
  const marker = lex.places.correction.last(text);
  if (!marker) return items;
  const later = items.filter((i) => i.start >= marker.end);
  return later.length > 0 ? later : items;
}

/**
 * The company's prefecture (the first mention about the company itself) and the hire's work
 * location (only when stated as such: 勤務地は浜松), from one scan of the text.
 */
export function locate(text: string, lex: Lexicon): { company?: Prefecture; work?: Prefecture } {
  const mentions = placeMentions(text, lex);
  const own = mentions.filter((m) => !m.aboutCandidate && !m.workLocation);
  const company = afterCorrection(text, own, lex)[0]?.prefecture;
  const work = mentions.find((m) => m.workLocation)?.prefecture;
  return { ...(company && { company }), ...(work && { work }) };
}

/** A bare answer naming a prefecture: the first one not negated. */
export function answerPrefecture(text: string, lex: Lexicon): Prefecture | undefined {
  return afterCorrection(text, placeMentions(text, lex), lex)[0]?.prefecture;
}

/** remoteOk from free talk: the last cue wins (オンラインでもいいが、やはり現地に来てほしい → false). */
export function remoteOk(text: string, lex: Lexicon): boolean | undefined {
  return lex.places.remote.last(text)?.value;
}

/** remoteOk from a bare answer to "may the person work remotely?". */
export function answerRemote(text: string, lex: Lexicon): boolean | undefined {
  const stated = remoteOk(text, lex);
  if (stated !== undefined) return stated;
  const { no, yes } = lex.places.remoteAnswer;
  if (no.test(text)) return false;
  if (yes.test(text)) return true;
  return undefined;
}

import { SKILLS, WORK_STYLES } from '../vocab.js';
import { textValue, type PreparedTerms } from './bm25.js';
import { CANDIDATE_KINDS, type CandidateKind, type PoolCandidate } from './candidate.js';
import { candidateLocation, LOCATION, remainingDays, type LocationClass } from './constraints.js';
import type { MatchingData } from './data.js';
import type { MatchContext, MatchQuery, SkillPlan } from './query.js';

// The factors of a score, each a number in [0, 1] computed from primitive inputs, so the
// index (typed arrays) and the full scan (objects) call the very same functions.
// Age and gender are not parameters of any of them.

export const FACTORS = ['skill', 'text', 'kind', 'availability', 'location', 'industry'] as const;
export type Factor = (typeof FACTORS)[number];
export type FactorValues = Record<Factor, number>;

const rankCredit = (rank: number, data: MatchingData): number => {
  const byRank = data.scoring.skill.byRank;
  return byRank[Math.min(rank, byRank.length) - 1] as number;
};

/** Credit for one wanted skill: full when held (by rank), partial through a related one. */
export function skillCredit(w: MatchQuery['wanted'][number], ranks: ArrayLike<number>, offset: number, data: MatchingData): { credit: number; via: number } {
  const own = ranks[offset + w.index] ?? 0;
  if (own > 0) return { credit: rankCredit(own, data), via: w.index };
  let best = 0;
  let via = -1;
  for (const r of w.related) {
    const rank = ranks[offset + r.index] ?? 0;
    if (rank === 0) continue;
    const credit = r.strength * rankCredit(rank, data);
    if (credit > best) {
      best = credit;
      via = r.index;
    }
  }
  return { credit: best, via };
}

/**
 * The skill factor: the weighted share of wanted skills the person covers, fully when held
 * (by rank), partly through a related skill. ranks[offset + skill index] is the person's
 * 1-based rank of that skill, 0 when not held. Allocation-free: it runs for every eligible
 * person of a query, from the index and from the full scan alike.
 */
export function skillValue(plan: SkillPlan, ranks: ArrayLike<number>, offset: number): number {
  const { index, weight, relatedStart, relatedIndex, relatedStrength, byRank } = plan;
  const last = byRank.length;
  let got = 0;
  let total = 0;
  for (let k = 0; k < index.length; k++) {
    const own = ranks[offset + (index[k] as number)] as number;
    let credit = 0;
    if (own > 0) {
      credit = byRank[(own < last ? own : last) - 1] as number;
    } else {
      for (let r = relatedStart[k] as number; r < (relatedStart[k + 1] as number); r++) {
        const rank = ranks[offset + (relatedIndex[r] as number)] as number;
        if (rank === 0) continue;
        const c = (relatedStrength[r] as number) * (byRank[(rank < last ? rank : last) - 1] as number);
        if (c > credit) credit = c;
      }
    }
    got += (weight[k] as number) * credit;
    total += weight[k] as number;
  }
  return total > 0 ? got / total : 0;
}

export function skillRanks(c: PoolCandidate): Uint8Array {
  const ranks = new Uint8Array(SKILLS.length);
  c.skillCategories.forEach((s, i) => {
    const at = SKILLS.indexOf(s);
    if (ranks[at] === 0) ranks[at] = i + 1;
  });
  return ranks;
}

/** The style part: the spec accepts a style this kind usually works in; the field part: its first field is usual for the kind. */
export function kindParts(kind: CandidateKind, q: MatchQuery, data: MatchingData): { style: boolean; skill: boolean } {
  const usual = data.scoring.kinds[kind];
  return {
    style: q.styles.some((s) => usual.styles.includes(s)),
    skill: q.wanted.length > 0 && usual.skills.includes((q.wanted[0] as MatchQuery['wanted'][number]).skill),
  };
}

export function kindValue(kind: CandidateKind, q: MatchQuery, data: MatchingData): number {
  const parts = kindParts(kind, q, data);
  const share = data.scoring.kindStyleShare;
  return (parts.style ? share : 0) + (parts.skill ? 1 - share : 0);
}

/** 0.7 at exactly the days asked, up to 1 with a day to spare; shrinking to 0 at the minimum share. */
export function availabilityValue(remaining: number, q: MatchQuery, data: MatchingData): number {
  if (q.needDays === null) return 0;
  const ratio = remaining / q.needDays;
  if (ratio >= 1) return 0.7 + 0.3 * Math.min(1, remaining - q.needDays);
  const minShare = data.scoring.availability.minShare;
  return minShare >= 1 ? 0 : 0.7 * Math.max(0, (ratio - minShare) / (1 - minShare));
}

export function locationValue(cls: LocationClass, q: MatchQuery): number {
  switch (cls) {
    case LOCATION.same:
      return 1;
    case LOCATION.near:
      return 0.6;
    case LOCATION.remote:
      return q.remote === true ? 0.6 : 0.3;
    case LOCATION.relocate:
      return 0.2;
    default:
      return 0;
  }
}

export const industryValue = (hasIndustry: boolean): number => (hasIndustry ? 1 : 0);

export function exposureFactor(count: number, data: MatchingData): number {
  const { perCase, floor } = data.scoring.exposure;
  return Math.max(floor, 1 - perCase * count);
}

/** The score: weighted factors times the exposure factor. Always summed in the same order. */
export function combineValues(
  skill: number, text: number, kind: number, availability: number, location: number, industry: number, exposureCount: number, data: MatchingData,
): number {
  const w = data.scoring.weights;
  const sum = w.skill * skill + w.text * text + w.kind * kind + w.availability * availability + w.location * location + w.industry * industry;
  return sum * exposureFactor(exposureCount, data);
}

export const combine = (v: FactorValues, exposureCount: number, data: MatchingData): number =>
  combineValues(v.skill, v.text, v.kind, v.availability, v.location, v.industry, exposureCount, data);

/** Every factor of one person for one query, from the person's record (the reference path). */
export function factorValues(c: PoolCandidate, q: MatchQuery, ctx: MatchContext, textRaw: number, prepared: PreparedTerms, data: MatchingData): FactorValues {
  return {
    skill: skillValue(q.skillPlan, skillRanks(c), 0),
    text: textValue(textRaw, prepared),
    kind: kindValue(c.kind, q, data),
    availability: availabilityValue(remainingDays(c, ctx), q, data),
    location: locationValue(candidateLocation(c, q, data), q),
    industry: industryValue(q.industry !== null && c.industries.includes(q.industry)),
  };
}

export const kindIndex = (kind: CandidateKind): number => CANDIDATE_KINDS.indexOf(kind);
export const styleIndex = (style: (typeof WORK_STYLES)[number]): number => WORK_STYLES.indexOf(style);

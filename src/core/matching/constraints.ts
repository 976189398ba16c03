import type { PoolCandidate } from './candidate.js';
import type { MatchingData } from './data.js';
import { styleMaskOf, type MatchContext, type MatchQuery } from './query.js';

// Hard constraints: a person who fails one is never proposed, whatever the score would be.
// The index applies the same tests on typed arrays; these are the readable reference.

/** How a person's place relates to the company's. */
export const LOCATION = { none: 0, same: 1, near: 2, remote: 3, unknown: 4, relocate: 5 } as const;
export type LocationClass = (typeof LOCATION)[keyof typeof LOCATION];

/**
 * Same prefecture, same region (can visit), far but both sides accept remote work, far but
 * the person would move (a full-time or secondment style both accept), or not workable.
 */
export function locationClass(prefectureIndex: number, remoteOk: boolean, relocates: boolean, q: MatchQuery, data: MatchingData): LocationClass {
  if (q.prefecture === null) return LOCATION.unknown;
  const wanted = data.prefectureIndex[q.prefecture];
  if (prefectureIndex === wanted) return LOCATION.same;
  if (data.regionOfPrefecture[prefectureIndex] === data.regionOfPrefecture[wanted]) return LOCATION.near;
  if (remoteOk && q.remote !== false) return LOCATION.remote;
  return relocates ? LOCATION.relocate : LOCATION.none;
}

/** Whether the person accepts a style of the spec in which they would move to the company. */
export const relocatesFor = (c: PoolCandidate, q: MatchQuery): boolean => (styleMaskOf(c.workStyles) & q.relocationMask) !== 0;

export const candidateLocation = (c: PoolCandidate, q: MatchQuery, data: MatchingData): LocationClass =>
  locationClass(data.prefectureIndex[c.prefecture], c.remoteOk, relocatesFor(c, q), q, data);

// Commitments such as 0.3 + 0.2 days are not exact in binary floating point.
const EPSILON = 1e-9;

export const capacityOk = (remaining: number, q: MatchQuery): boolean => remaining + EPSILON >= q.minDays;

export const feeOk = (fee: number | null, q: MatchQuery): boolean => q.budget === null || fee === null || fee <= q.budget;

export const remainingDays = (c: PoolCandidate, ctx: MatchContext): number => c.daysPerWeek - (ctx.committedDays.get(c.id) ?? 0);

export type Exclusion = 'paused' | 'excluded' | 'work_style' | 'location' | 'capacity' | 'fee';

/** Why a person cannot be proposed for this query, or null when they can. */
export function exclusionOf(c: PoolCandidate, q: MatchQuery, ctx: MatchContext, data: MatchingData): Exclusion | null {
  if (c.status === 'paused') return 'paused';
  if (ctx.exclude.has(c.id)) return 'excluded';
  if (q.styleMask !== 0 && (styleMaskOf(c.workStyles) & q.styleMask) === 0) return 'work_style';
  if (candidateLocation(c, q, data) === LOCATION.none) return 'location';
  if (!capacityOk(remainingDays(c, ctx), q)) return 'capacity';
  if (!feeOk(c.monthlyFeeMinYen, q)) return 'fee';
  return null;
}

import { INDUSTRIES, PREFECTURES, SKILLS } from '../vocab.js';
import { prepareTerms, textValue, type PreparedTerms } from './bm25.js';
import { CANDIDATE_KINDS, type PoolCandidate } from './candidate.js';
import { PoolColumns, words, type ResolvedContext } from './columns.js';
import { capacityOk, locationClass } from './constraints.js';
import { loadMatchingData, type MatchingData } from './data.js';
import { explainMatch, type Match } from './explain.js';
import { emptyContext, toMatchQuery, type MatchContext, type MatchInput, type MatchQuery } from './query.js';
import { TopK } from './ranking.js';
import { availabilityValue, combineValues, industryValue, kindValue, locationValue, skillValue } from './score.js';

// Ranking over the pool's columns (columns.ts): bitsets narrow a query to the people who
// pass the hard constraints, the text index scores only its own terms, an exact bound skips
// people who cannot reach the current top, and only the top few are explained. It must rank
// exactly as the full scan does (full-scan.ts); a test holds it to that.

/** What one query's scoring loop looks up instead of recomputing per person. */
interface Tables {
  q: MatchQuery;
  prepared: PreparedTerms;
  kindValues: number[];
  locationValues: number[];
  industryBit: number;
}

// Rounding slack for the pruning bound: a person is skipped only when clearly below the bar.
const SLACK = 1e-9;

/**
 * The smallest raw text score with which `ceiling + textWeight × textValue(raw)` can still
 * reach `bar`: textValue(raw) = 1 - exp(-raw / norm), solved for raw.
 */
export function minimumRaw(bar: number, ceiling: number, textWeight: number, norm: number): number {
  const needed = (bar - SLACK - ceiling) / textWeight;
  if (needed <= 0) return Number.NEGATIVE_INFINITY;
  if (needed >= 1 || norm <= 0) return Number.POSITIVE_INFINITY;
  return -norm * Math.log(1 - needed) * (1 - SLACK);
}

/**
 * The highest skill value of someone whose strongest skill is not the main wanted one: the
 * main skill earns at most the second rank's credit or a related skill's, the others full credit.
 */
export function secondarySkillMax(q: MatchQuery): number {
  const { weight, byRank, relatedStart, relatedStrength } = q.skillPlan;
  if (weight.length === 0) return 0;
  let mainCredit = byRank[Math.min(1, byRank.length - 1)] as number;
  for (let r = relatedStart[0] as number; r < (relatedStart[1] as number); r++) {
    mainCredit = Math.max(mainCredit, (relatedStrength[r] as number) * (byRank[0] as number));
  }
  let got = (weight[0] as number) * mainCredit;
  let total = weight[0] as number;
  for (let k = 1; k < weight.length; k++) {
    got += (weight[k] as number) * (byRank[0] as number);
    total += weight[k] as number;
  }
  return Math.min(1, got / total + SLACK);
}

export class MatchIndex {
  readonly size: number;
  private readonly cols: PoolColumns;
  // Per-query scratch, reused: queries run one at a time on Node's single thread.
  private readonly committed: Float64Array;
  private readonly exposure: Int32Array;
  private readonly excluded: Uint8Array;
  private readonly acc: Float64Array;
  private readonly allowed: Uint32Array;
  private readonly skilled: Uint32Array;
  private readonly scratchBits: Uint32Array;
  private readonly firstBits: Uint32Array;
  private readonly seedBits: Uint32Array;

  private constructor(private readonly pool: readonly PoolCandidate[], private readonly data: MatchingData) {
    const n = pool.length;
    this.size = n;
    this.cols = new PoolColumns(pool, data);
    this.committed = new Float64Array(n);
    this.exposure = new Int32Array(n);
    this.excluded = new Uint8Array(n);
    this.acc = new Float64Array(n);
    this.allowed = new Uint32Array(words(n));
    this.skilled = new Uint32Array(words(n));
    this.scratchBits = new Uint32Array(words(n));
    this.firstBits = new Uint32Array(words(n));
    this.seedBits = new Uint32Array(words(n));
  }

  static build(pool: readonly PoolCandidate[], data: MatchingData = loadMatchingData()): MatchIndex {
    return new MatchIndex(pool, data);
  }

  get textStats(): { terms: number; postings: number; bytes: number } {
    const { text } = this.cols;
    return { terms: text.terms, postings: text.postings, bytes: text.bytes };
  }

  /** See PoolColumns.resolve: a context's ids as positions, cached per context object. */
  resolve(ctx: MatchContext): ResolvedContext {
    return this.cols.resolve(ctx);
  }

  query(input: MatchInput, ctx: MatchContext = emptyContext(), top = 10): Match[] {
    const { data } = this;
    const q = toMatchQuery(input, data);
    const prepared = prepareTerms(q.terms, this.cols.text, data.scoring);
    const r = this.resolve(ctx);
    r.committedAt.forEach((i, k) => (this.committed[i] = r.committedDays[k] as number));
    r.exposureAt.forEach((i, k) => (this.exposure[i] = r.exposureCount[k] as number));
    r.excludedAt.forEach((i) => (this.excluded[i] = 1));

    try {
      const allowed = this.cols.allowedBits(q, this.allowed);
      this.acc.fill(0);
      this.cols.text.accumulate(prepared, this.acc);
      const w = data.scoring.weights;
      const tables: Tables = {
        q, prepared,
        kindValues: CANDIDATE_KINDS.map((k) => kindValue(k, q, data)),
        // By prefecture, remote (0/1) and whether the person would move (0/1).
        locationValues: PREFECTURES.flatMap((_, p) => [0, 1, 2, 3].map((k) => locationValue(locationClass(p, (k & 2) !== 0, (k & 1) !== 0, q, data), q))),
        industryBit: q.industry ? 1 << INDUSTRIES.indexOf(q.industry) : 0,
      };
      const best = new TopK(top, (i) => this.cols.ids[i] as string);
      // Phase 0: people whose strongest skill is the one most wanted, then phase 1: others
      // holding a wanted or related skill, scored in full. They usually take the top places,
      // so the bar is high early and later people are mostly skipped unscored.
      const skilled = this.cols.skilledBits(q, this.skilled);
      const first = this.firstBits;
      const main = q.wanted[0] ? (this.cols.byFirstSkill[q.wanted[0].index] as Uint32Array) : null;
      const rest = this.scratchBits;
      for (let k = 0; k < allowed.length; k++) {
        const a = allowed[k] as number;
        first[k] = main ? a & (main[k] as number) : 0;
        rest[k] = a & ~(skilled[k] as number);
        skilled[k] = a & (skilled[k] as number) & ~(first[k] as number);
      }
      // A score is at most the best kind, place and industry values, full availability, full
      // skill (phase 1) or none (phase 2), and the person's own text value: a person whose
      // text score is too low for that to reach the current bar is skipped unscored.
      const ceiling = w.kind * Math.max(...tables.kindValues) + (q.needDays === null ? 0 : w.availability)
        + w.location * Math.max(...tables.locationValues) + (tables.industryBit ? w.industry : 0);
      const withSkill = (bar: number) => minimumRaw(bar, ceiling + w.skill, w.text, prepared.norm);
      // Seed the bar with the best text matches among the most likely group.
      this.scoreSeeds(first.some((x) => x !== 0) ? first : skilled, tables, best, top * 2);
      this.scoreAll(first, tables, best, true, withSkill);
      const secondMax = secondarySkillMax(q);
      this.scoreAll(skilled, tables, best, true, (bar) => minimumRaw(bar, ceiling + w.skill * secondMax, w.text, prepared.norm));
      // Phase 2: everyone else has a skill value of exactly 0.
      this.scoreAll(rest, tables, best, false, (bar) => minimumRaw(bar, ceiling, w.text, prepared.norm));
      return best.items.map((i) => explainMatch(this.pool[i] as PoolCandidate, q, ctx, this.acc[i] as number, prepared, data));
    } finally {
      r.committedAt.forEach((i) => (this.committed[i] = 0));
      r.exposureAt.forEach((i) => (this.exposure[i] = 0));
      r.excludedAt.forEach((i) => (this.excluded[i] = 0));
    }
  }

  /**
   * Scores every set bit that passes the remaining constraints into `best`. A person whose
   * text score is below `rawFloor(bar)` is skipped unscored: the caller guarantees that
   * their score cannot reach the bar. Without `skilled`, the skill value is 0 for all.
   */
  private scoreAll(bits: Uint32Array, t: Tables, best: TopK, skilled: boolean, rawFloor: (bar: number) => number): void {
    const { data } = this;
    const { q, prepared } = t;
    const { days, fee: fees, ranks, kind, prefecture, remote, styles, industries } = this.cols;
    let floor = best.full ? rawFloor(best.bar) : Number.NEGATIVE_INFINITY;
    // Nobody left in this group can reach the bar, even with a perfect text score.
    if (floor === Number.POSITIVE_INFINITY) return;
    for (let k = 0; k < bits.length; k++) {
      let word = bits[k] as number;
      while (word !== 0) {
        const low = word & -word;
        const i = (k << 5) + 31 - Math.clz32(low);
        word ^= low;
        const raw = this.acc[i] as number;
        if (raw < floor) continue;
        if (this.excluded[i] === 1) continue;
        const remaining = (days[i] as number) - (this.committed[i] as number);
        if (!capacityOk(remaining, q)) continue;
        const fee = fees[i] as number;
        if (q.budget !== null && !Number.isNaN(fee) && fee > q.budget) continue;
        const score = combineValues(
          skilled ? skillValue(q.skillPlan, ranks, i * SKILLS.length) : 0,
          textValue(raw, prepared),
          t.kindValues[kind[i] as number] as number,
          availabilityValue(remaining, q, data),
          t.locationValues[(prefecture[i] as number) * 4 + (remote[i] as number) * 2 + ((styles[i] as number) & q.relocationMask ? 1 : 0)] as number,
          industryValue(((industries[i] as number) & t.industryBit) !== 0),
          this.exposure[i] as number,
          data,
        );
        if (best.offer(i, score) && best.full) {
          floor = rawFloor(best.bar);
          if (floor === Number.POSITIVE_INFINITY) return;
        }
      }
    }
  }

  /**
   * Scores the `count` people of `bits` with the highest text scores, and clears their bits so
   * the main pass does not offer them twice. Cheap (one comparison per person), and it raises
   * the bar before the main pass starts skipping people.
   */
  private scoreSeeds(bits: Uint32Array, t: Tables, best: TopK, count: number): void {
    const picked: number[] = [];
    const raws: number[] = [];
    for (let k = 0; k < bits.length; k++) {
      let word = bits[k] as number;
      while (word !== 0) {
        const low = word & -word;
        const i = (k << 5) + 31 - Math.clz32(low);
        word ^= low;
        const raw = this.acc[i] as number;
        if (picked.length === count && raw <= (raws[count - 1] as number)) continue;
        let at = Math.min(picked.length, count - 1);
        while (at > 0 && raw > (raws[at - 1] as number)) {
          picked[at] = picked[at - 1] as number;
          raws[at] = raws[at - 1] as number;
          at -= 1;
        }
        picked[at] = i;
        raws[at] = raw;
      }
    }
    const seeds = this.seedBits;
    seeds.fill(0);
    for (const i of picked) {
      seeds[i >>> 5] = (seeds[i >>> 5] as number) | (1 << (i & 31));
      bits[i >>> 5] = (bits[i >>> 5] as number) & ~(1 << (i & 31));
    }
    this.scoreAll(seeds, t, best, true, () => Number.NEGATIVE_INFINITY);
  }
}

import { INDUSTRIES, PREFECTURES, SKILLS, WORK_STYLES } from '../vocab.js';
import { prepareTerms, recordText, textValue, type PreparedTerms } from './bm25.js';
import { CANDIDATE_KINDS, type PoolCandidate } from './candidate.js';
import { capacityOk, LOCATION, locationClass } from './constraints.js';
import { loadMatchingData, type MatchingData } from './data.js';
import { explainMatch, type Match } from './explain.js';
import { emptyContext, styleMaskOf, toMatchQuery, type MatchContext, type MatchInput, type MatchQuery } from './query.js';
import { TopK } from './ranking.js';
import { availabilityValue, combineValues, industryValue, kindValue, locationValue, skillRanks, skillValue } from './score.js';
import { TextIndex } from './text-index.js';

// The pool in columns, built once: bitsets per work style and prefecture narrow a query to
// the people who pass the hard constraints, the text index scores only its own terms, and
// only the top few are explained. It must rank exactly as the full scan does (full-scan.ts);
// a test holds it to that.

const words = (n: number): number => (n + 31) >>> 5;

/** A MatchContext with ids turned into pool positions. */
export interface ResolvedContext {
  committedAt: Int32Array;
  committedDays: Float64Array;
  exposureAt: Int32Array;
  exposureCount: Int32Array;
  excludedAt: Int32Array;
}

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

function bitset(n: number, has: (i: number) => boolean): Uint32Array {
  const bits = new Uint32Array(words(n));
  for (let i = 0; i < n; i++) if (has(i)) bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
  return bits;
}

export class MatchIndex {
  readonly size: number;
  private readonly ids: string[];
  private readonly idToIndex = new Map<string, number>();
  private readonly resolved = new WeakMap<MatchContext, ResolvedContext>();
  private readonly kind: Uint8Array;
  private readonly prefecture: Uint8Array;
  private readonly remote: Uint8Array;
  private readonly styles: Uint8Array;
  private readonly days: Float64Array;
  /** NaN when the person gave no minimum fee. */
  private readonly fee: Float64Array;
  private readonly industries: Uint16Array;
  /** ranks[i * SKILLS.length + s]: person i's 1-based rank of skill s, 0 when not held. */
  private readonly ranks: Uint8Array;
  private readonly byStyle: Uint32Array[];
  private readonly bySkill: Uint32Array[];
  /** People whose strongest skill is s. */
  private readonly byFirstSkill: Uint32Array[];
  private readonly byPrefecture: Uint32Array[];
  private readonly remoteBits: Uint32Array;
  private readonly active: Uint32Array;
  private readonly text: TextIndex;
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
    this.ids = pool.map((c) => c.id);
    this.ids.forEach((id, i) => this.idToIndex.set(id, i));
    this.kind = Uint8Array.from(pool, (c) => CANDIDATE_KINDS.indexOf(c.kind));
    this.prefecture = Uint8Array.from(pool, (c) => data.prefectureIndex[c.prefecture]);
    this.remote = Uint8Array.from(pool, (c) => (c.remoteOk ? 1 : 0));
    this.styles = Uint8Array.from(pool, (c) => styleMaskOf(c.workStyles));
    this.days = Float64Array.from(pool, (c) => c.daysPerWeek);
    this.fee = Float64Array.from(pool, (c) => c.monthlyFeeMinYen ?? Number.NaN);
    this.industries = Uint16Array.from(pool, (c) => c.industries.reduce((m, ind) => m | (1 << INDUSTRIES.indexOf(ind)), 0));
    this.ranks = new Uint8Array(n * SKILLS.length);
    pool.forEach((c, i) => this.ranks.set(skillRanks(c), i * SKILLS.length));
    this.byStyle = WORK_STYLES.map((s) => bitset(n, (i) => (pool[i] as PoolCandidate).workStyles.includes(s)));
    this.bySkill = SKILLS.map((_, s) => bitset(n, (i) => (this.ranks[i * SKILLS.length + s] as number) > 0));
    this.byFirstSkill = SKILLS.map((_, s) => bitset(n, (i) => this.ranks[i * SKILLS.length + s] === 1));
    this.byPrefecture = PREFECTURES.map((_, p) => bitset(n, (i) => this.prefecture[i] === p));
    this.remoteBits = bitset(n, (i) => this.remote[i] === 1);
    this.active = bitset(n, (i) => (pool[i] as PoolCandidate).status !== 'paused');
    const { k1, b } = data.scoring.text;
    this.text = TextIndex.build(n, (i) => recordText((pool[i] as PoolCandidate).headline, (pool[i] as PoolCandidate).summary), k1, b);
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
    return { terms: this.text.terms, postings: this.text.postings, bytes: this.text.bytes };
  }

  /**
   * A context's ids as pool positions, cached per context object: a registry's commitments
   * and proposals change slowly, and thousands of id look-ups per query would cost more than
   * the ranking. Treat a context as immutable once passed in.
   */
  resolve(ctx: MatchContext): ResolvedContext {
    const hit = this.resolved.get(ctx);
    if (hit) return hit;
    const positions = <T>(entries: Iterable<[string, T]>) => {
      const found: [number, T][] = [];
      for (const [id, value] of entries) {
        const i = this.idToIndex.get(id);
        if (i !== undefined) found.push([i, value]);
      }
      return found;
    };
    const committed = positions(ctx.committedDays);
    const exposure = positions(ctx.exposure);
    const excluded = positions([...ctx.exclude].map((id): [string, number] => [id, 1]));
    const resolved: ResolvedContext = {
      committedAt: Int32Array.from(committed, ([i]) => i), committedDays: Float64Array.from(committed, ([, d]) => d),
      exposureAt: Int32Array.from(exposure, ([i]) => i), exposureCount: Int32Array.from(exposure, ([, n]) => n),
      excludedAt: Int32Array.from(excluded, ([i]) => i),
    };
    this.resolved.set(ctx, resolved);
    return resolved;
  }

  query(input: MatchInput, ctx: MatchContext = emptyContext(), top = 10): Match[] {
    const { data } = this;
    const q = toMatchQuery(input, data);
    const prepared = prepareTerms(q.terms, this.text, data.scoring);
    const r = this.resolve(ctx);
    r.committedAt.forEach((i, k) => (this.committed[i] = r.committedDays[k] as number));
    r.exposureAt.forEach((i, k) => (this.exposure[i] = r.exposureCount[k] as number));
    r.excludedAt.forEach((i) => (this.excluded[i] = 1));

    try {
      const allowed = this.allowedBits(q);
      this.acc.fill(0);
      this.text.accumulate(prepared, this.acc);
      const w = data.scoring.weights;
      const tables: Tables = {
        q, prepared,
        kindValues: CANDIDATE_KINDS.map((k) => kindValue(k, q, data)),
        // By prefecture, remote (0/1) and whether the person would move (0/1).
        locationValues: PREFECTURES.flatMap((_, p) => [0, 1, 2, 3].map((k) => locationValue(locationClass(p, (k & 2) !== 0, (k & 1) !== 0, q, data), q))),
        industryBit: q.industry ? 1 << INDUSTRIES.indexOf(q.industry) : 0,
      };
      const best = new TopK(top, (i) => this.ids[i] as string);
      // Phase 0: people whose strongest skill is the one most wanted, then phase 1: others
      // holding a wanted or related skill, scored in full. They usually take the top places,
      // so the bar is high early and later people are mostly skipped unscored.
      const skilled = this.skilledBits(q);
      const first = this.firstBits;
      const main = q.wanted[0] ? (this.byFirstSkill[q.wanted[0].index] as Uint32Array) : null;
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
      this.scoreAll(skilled, tables, best, true, withSkill);
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
        const remaining = (this.days[i] as number) - (this.committed[i] as number);
        if (!capacityOk(remaining, q)) continue;
        const fee = this.fee[i] as number;
        if (q.budget !== null && !Number.isNaN(fee) && fee > q.budget) continue;
        const score = combineValues(
          skilled ? skillValue(q.skillPlan, this.ranks, i * SKILLS.length) : 0,
          textValue(raw, prepared),
          t.kindValues[this.kind[i] as number] as number,
          availabilityValue(remaining, q, data),
          t.locationValues[(this.prefecture[i] as number) * 4 + (this.remote[i] as number) * 2 + ((this.styles[i] as number) & q.relocationMask ? 1 : 0)] as number,
          industryValue(((this.industries[i] as number) & t.industryBit) !== 0),
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

  /** People holding any wanted skill or a skill related to one, as a bitset (scratch). */
  private skilledBits(q: MatchQuery): Uint32Array {
    const out = this.skilled;
    out.fill(0);
    const indices = new Set(q.wanted.flatMap((w) => [w.index, ...w.related.map((r) => r.index)]));
    for (const s of indices) {
      const bits = this.bySkill[s] as Uint32Array;
      for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) | (bits[k] as number);
    }
    return out;
  }

  /** Active people whose styles and place pass the query, as a bitset. */
  private allowedBits(q: MatchQuery): Uint32Array {
    const allowed = this.allowed;
    allowed.set(this.active);
    if (q.styleMask !== 0) {
      const styles = WORK_STYLES.map((_, s) => s).filter((s) => (q.styleMask & (1 << s)) !== 0).map((s) => this.byStyle[s] as Uint32Array);
      for (let w = 0; w < allowed.length; w++) {
        let any = 0;
        for (const bits of styles) any |= bits[w] as number;
        allowed[w] = (allowed[w] as number) & any;
      }
    }
    if (q.prefecture !== null) {
      // Same prefecture or region: anyone; further away: people who work remotely when the
      // case has not ruled remote work out, and people who would move (constraints.ts).
      const nearby = PREFECTURES.map((_, p) => p).filter((p) => locationClass(p, false, false, q, this.data) !== LOCATION.none).map((p) => this.byPrefecture[p] as Uint32Array);
      const movers = WORK_STYLES.map((_, s) => s).filter((s) => (q.relocationMask & (1 << s)) !== 0).map((s) => this.byStyle[s] as Uint32Array);
      const remoteToo = q.remote !== false;
      for (let w = 0; w < allowed.length; w++) {
        let any = remoteToo ? (this.remoteBits[w] as number) : 0;
        for (const bits of nearby) any |= bits[w] as number;
        for (const bits of movers) any |= bits[w] as number;
        allowed[w] = (allowed[w] as number) & any;
      }
    }
    return allowed;
  }
}

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
  }

  static build(pool: readonly PoolCandidate[], data: MatchingData = loadMatchingData()): MatchIndex {
    return new MatchIndex(pool, data);
  }

  get textStats(): { terms: number; postings: number; bytes: number } {
    return { terms: this.text.terms, postings: this.text.postings, bytes: this.text.bytes };
  }

  query(input: MatchInput, ctx: MatchContext = emptyContext(), top = 10): Match[] {
    const { data } = this;
    const q = toMatchQuery(input, data);
    const prepared = prepareTerms(q.terms, this.text, data.scoring);
    const touched: number[] = [];
    const at = (id: string): number | undefined => {
      const i = this.idToIndex.get(id);
      if (i !== undefined) touched.push(i);
      return i;
    };
    for (const [id, days] of ctx.committedDays) { const i = at(id); if (i !== undefined) this.committed[i] = days; }
    for (const [id, count] of ctx.exposure) { const i = at(id); if (i !== undefined) this.exposure[i] = count; }
    for (const id of ctx.exclude) { const i = at(id); if (i !== undefined) this.excluded[i] = 1; }

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
      // Phase 1: people holding a wanted or related skill, scored in full. They usually hold
      // the top places, so phase 2 starts with a high bar.
      const skilled = this.skilledBits(q);
      const rest = this.scratchBits;
      for (let k = 0; k < allowed.length; k++) {
        rest[k] = (allowed[k] as number) & ~(skilled[k] as number);
        skilled[k] = (allowed[k] as number) & (skilled[k] as number);
      }
      // A score is at most the best kind, place and industry values, full availability, full
      // skill (phase 1) or none (phase 2), and the person's own text value: a person whose
      // text score is too low for that to reach the current bar is skipped unscored.
      const ceiling = w.kind * Math.max(...tables.kindValues) + w.availability + w.location * Math.max(...tables.locationValues) + (tables.industryBit ? w.industry : 0);
      this.scoreAll(skilled, tables, best, true, (bar) => minimumRaw(bar, ceiling + w.skill, w.text, prepared.norm));
      // Phase 2: everyone else has a skill value of exactly 0.
      this.scoreAll(rest, tables, best, false, (bar) => minimumRaw(bar, ceiling, w.text, prepared.norm));
      return best.items.map((i) => explainMatch(this.pool[i] as PoolCandidate, q, ctx, this.acc[i] as number, prepared, data));
    } finally {
      for (const i of touched) {
        this.committed[i] = 0;
        this.exposure[i] = 0;
        this.excluded[i] = 0;
      }
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
        if (best.offer(i, score) && best.full) floor = rawFloor(best.bar);
      }
    }
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

import { INDUSTRIES, PREFECTURES, SKILLS, WORK_STYLES } from '../vocab.js';
import { recordText } from './bm25.js';
import { CANDIDATE_KINDS, type PoolCandidate } from './candidate.js';
import { LOCATION, locationClass } from './constraints.js';
import type { MatchingData } from './data.js';
import { styleMaskOf, type MatchContext, type MatchQuery } from './query.js';
import { skillRanks } from './score.js';
import { TextIndex } from './text-index.js';

// The pool in columns, built once: typed arrays per field, bitsets per work style, skill and
// prefecture, and the text index. The hard constraints on style and place become a few
// bitwise ORs and ANDs over 32 people at a time.

export const words = (n: number): number => (n + 31) >>> 5;

function bitset(n: number, has: (i: number) => boolean): Uint32Array {
  const bits = new Uint32Array(words(n));
  for (let i = 0; i < n; i++) if (has(i)) bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
  return bits;
}

/** A MatchContext with ids turned into pool positions. */
export interface ResolvedContext {
  committedAt: Int32Array;
  committedDays: Float64Array;
  exposureAt: Int32Array;
  exposureCount: Int32Array;
  excludedAt: Int32Array;
}

export class PoolColumns {
  readonly size: number;
  readonly ids: string[];
  private readonly idToIndex = new Map<string, number>();
  private readonly resolved = new WeakMap<MatchContext, ResolvedContext>();
  readonly kind: Uint8Array;
  readonly prefecture: Uint8Array;
  readonly remote: Uint8Array;
  readonly styles: Uint8Array;
  readonly days: Float64Array;
  /** NaN when the person gave no minimum fee. */
  readonly fee: Float64Array;
  readonly industries: Uint16Array;
  /** ranks[i * SKILLS.length + s]: person i's 1-based rank of skill s, 0 when not held. */
  readonly ranks: Uint8Array;
  readonly byStyle: Uint32Array[];
  readonly bySkill: Uint32Array[];
  /** People whose strongest skill is s. */
  readonly byFirstSkill: Uint32Array[];
  readonly byPrefecture: Uint32Array[];
  readonly remoteBits: Uint32Array;
  readonly active: Uint32Array;
  readonly text: TextIndex;

  constructor(pool: readonly PoolCandidate[], private readonly data: MatchingData) {
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

  /** People holding any wanted skill or a skill related to one, as a bitset (into `out`). */
  skilledBits(q: MatchQuery, out: Uint32Array): Uint32Array {
    out.fill(0);
    const indices = new Set(q.wanted.flatMap((w) => [w.index, ...w.related.map((r) => r.index)]));
    for (const s of indices) {
      const bits = this.bySkill[s] as Uint32Array;
      for (let k = 0; k < out.length; k++) out[k] = (out[k] as number) | (bits[k] as number);
    }
    return out;
  }

  /** Active people whose styles and place pass the query, as a bitset. */
  allowedBits(q: MatchQuery, allowed: Uint32Array): Uint32Array {
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

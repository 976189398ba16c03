import { bigramCount, lengthNorm, prepareTerms, recordText, termScore, tfPart, type CorpusStats } from './bm25.js';
import type { PoolCandidate } from './candidate.js';
import { exclusionOf } from './constraints.js';
import { loadMatchingData, type MatchingData } from './data.js';
import { explainMatch, type Match } from './explain.js';
import { emptyContext, toMatchQuery, type MatchContext, type MatchInput } from './query.js';
import { ranksBefore } from './ranking.js';
import { combine, factorValues } from './score.js';
import { forEachBigram } from './text.js';

// The straightforward reference: check every person against the constraints, read every
// record against the query, score, sort. It keeps only each record's normalized text and
// the corpus statistics BM25 needs. The index must give the same ranking; the benchmark
// reports how much faster it is.

export class FullScan implements CorpusStats {
  readonly docs: number;
  readonly avgdl: number;
  private readonly texts: string[];
  private readonly norms: number[];
  private readonly dfs = new Map<number, number>();

  private constructor(private readonly pool: readonly PoolCandidate[], private readonly data: MatchingData) {
    this.texts = pool.map((c) => recordText(c.headline, c.summary));
    const lengths = this.texts.map(bigramCount);
    for (const text of this.texts) {
      const seen = new Set<number>();
      forEachBigram(text, (code) => seen.add(code));
      for (const code of seen) this.dfs.set(code, (this.dfs.get(code) ?? 0) + 1);
    }
    this.docs = pool.length;
    this.avgdl = this.docs > 0 ? lengths.reduce((a, b) => a + b, 0) / this.docs : 0;
    const { k1, b } = data.scoring.text;
    this.norms = lengths.map((dl) => lengthNorm(dl, this.avgdl, k1, b));
  }

  static prepare(pool: readonly PoolCandidate[], data: MatchingData = loadMatchingData()): FullScan {
    return new FullScan(pool, data);
  }

  df(code: number): number {
    return this.dfs.get(code) ?? 0;
  }

  query(input: MatchInput, ctx: MatchContext = emptyContext(), top = 10): Match[] {
    const { data } = this;
    const q = toMatchQuery(input, data);
    const prepared = prepareTerms(q.terms, this, data.scoring);
    const position = new Map(prepared.codes.map((code, i) => [code, i]));
    const scored: { index: number; id: string; score: number; raw: number }[] = [];
    this.pool.forEach((c, index) => {
      if (exclusionOf(c, q, ctx, data) !== null) return;
      const tf = new Array<number>(prepared.codes.length).fill(0);
      forEachBigram(this.texts[index] as string, (code) => {
        const at = position.get(code);
        if (at !== undefined) tf[at] = (tf[at] as number) + 1;
      });
      let raw = 0;
      tf.forEach((count, i) => {
        if (count > 0) raw += termScore(prepared.impact[i] as number, tfPart(count, this.norms[index] as number));
      });
      const score = combine(factorValues(c, q, ctx, raw, prepared, data), ctx.exposure.get(c.id) ?? 0, data);
      scored.push({ index, id: c.id, score, raw });
    });
    scored.sort((x, y) => (ranksBefore(x.score, x.id, y.score, y.id) ? -1 : ranksBefore(y.score, y.id, x.score, x.id) ? 1 : 0));
    return scored.slice(0, top).map((s) => explainMatch(this.pool[s.index] as PoolCandidate, q, ctx, s.raw, prepared, data));
  }
}

import type { ScoringConfig } from './data.js';
import type { QueryTerm } from './query.js';
import { forEachBigram, normalizeText } from './text.js';

// BM25 pieces shared by the index and the full scan, so that both compute the very same
// floating-point numbers in the same order (a test holds them to the same ranking).

/** What a candidate's record is, as text: the headline counts twice (a light BM25F). */
export function recordText(headline: string | null, summary: string | null): string {
  const h = headline ?? '';
  return normalizeText(`${h}\n${h}\n${summary ?? ''}`);
}

/** The number of content bigrams of a text: BM25's document length. */
export function bigramCount(normalized: string): number {
  let n = 0;
  forEachBigram(normalized, () => void (n += 1));
  return n;
}

export const idf = (docs: number, df: number): number => Math.log(1 + (docs - df + 0.5) / (df + 0.5));

/** BM25's length normalisation of one document, computed once per document. */
export const lengthNorm = (dl: number, avgdl: number, k1: number, b: number): number => k1 * (1 - b + (b * dl) / avgdl);

/**
 * A term's frequency part, tf / (tf + norm), rounded to float32: the index stores one per
 * posting, so a query multiplies instead of dividing. The full scan rounds alike.
 */
export const tfPart = (tf: number, norm: number): number => Math.fround(tf / (tf + norm));

/** One term's contribution: `impact` is weight × idf × (k1 + 1), fixed per query term. */
export const termScore = (impact: number, part: number): number => impact * part;

export interface CorpusStats {
  docs: number;
  avgdl: number;
  df(code: number): number;
}

/** A text query made ready for one corpus: the terms it holds, in code order, with their idf. */
export interface PreparedTerms {
  codes: number[];
  weights: Float64Array;
  idf: Float64Array;
  /** weight × idf × (k1 + 1) per term. */
  impact: Float64Array;
  /** The raw score at which the text factor reaches 1 - 1/e. */
  norm: number;
  idfByCode: Map<number, number>;
}

export function prepareTerms(terms: readonly QueryTerm[], stats: CorpusStats, config: ScoringConfig): PreparedTerms {
  const kept = terms.filter((t) => stats.df(t.code) > 0);
  const weights = new Float64Array(kept.length);
  const idfs = new Float64Array(kept.length);
  const impact = new Float64Array(kept.length);
  let mass = 0;
  kept.forEach((t, i) => {
    weights[i] = t.weight;
    idfs[i] = idf(stats.docs, stats.df(t.code));
    impact[i] = t.weight * (idfs[i] as number) * (config.text.k1 + 1);
    mass += t.weight * (idfs[i] as number);
  });
  const codes = kept.map((t) => t.code);
  const idfByCode = new Map(codes.map((code, i) => [code, idfs[i] as number]));
  return { codes, weights, idf: idfs, impact, norm: mass * config.text.saturation, idfByCode };
}

/** The text factor: raw BM25 mapped to [0, 1), saturating, independent of other candidates. */
export function textValue(raw: number, prepared: PreparedTerms): number {
  return prepared.norm > 0 && raw > 0 ? 1 - Math.exp(-raw / prepared.norm) : 0;
}

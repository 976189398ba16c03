import { lengthNorm, termScore, tfPart, type CorpusStats, type PreparedTerms } from './bm25.js';
import { forEachBigram } from './text.js';

// An inverted index of character bigrams in typed arrays (CSR layout): for each term, the
// documents holding it and BM25's frequency part for each (bm25.ts tfPart), so that a query
// only multiplies and adds. 100k profiles fit in tens of megabytes, where a Map
// of Maps would take gigabytes, and a query touches only the postings of its own terms.

export class TextIndex implements CorpusStats {
  private constructor(
    readonly docs: number,
    readonly avgdl: number,
    private readonly termOf: Map<number, number>,
    private readonly dfs: Int32Array,
    /** Postings of term t are starts[t] .. starts[t + 1] - 1. */
    private readonly starts: Int32Array,
    private readonly postDoc: Int32Array,
    private readonly postPart: Float32Array,
  ) {}

  /**
   * Two passes over the texts (count, then fill) so that no growing intermediate copy of the
   * postings is ever held: peak memory is the final arrays. `textOf` is called twice per doc.
   */
  static build(docs: number, textOf: (doc: number) => string, k1: number, b: number): TextIndex {
    const termOf = new Map<number, number>();
    let dfList: number[] = [];
    const docLength = new Int32Array(docs);
    let scratch = new Float64Array(1024);
    let used = 0;
    const collect = (code: number) => {
      if (used === scratch.length) {
        const bigger = new Float64Array(scratch.length * 2);
        bigger.set(scratch);
        scratch = bigger;
      }
      scratch[used++] = code;
    };
    /** Calls visit(term code, tf) once per distinct bigram of the doc, in code order. */
    const eachTerm = (doc: number, visit: (code: number, tf: number) => void): number => {
      used = 0;
      forEachBigram(textOf(doc), collect);
      const codes = scratch.subarray(0, used).sort();
      for (let i = 0; i < used; ) {
        let j = i + 1;
        while (j < used && codes[j] === codes[i]) j++;
        visit(codes[i] as number, j - i);
        i = j;
      }
      return used;
    };

    let total = 0;
    let lengthSum = 0;
    for (let d = 0; d < docs; d++) {
      const length = eachTerm(d, (code) => {
        let t = termOf.get(code);
        if (t === undefined) {
          t = dfList.length;
          termOf.set(code, t);
          dfList.push(0);
        }
        dfList[t] = (dfList[t] as number) + 1;
        total += 1;
      });
      docLength[d] = length;
      lengthSum += length;
    }
    const dfs = Int32Array.from(dfList);
    dfList = [];
    const starts = new Int32Array(dfs.length + 1);
    for (let t = 0; t < dfs.length; t++) starts[t + 1] = (starts[t] as number) + (dfs[t] as number);
    const cursor = starts.slice(0, dfs.length);
    const avgdl = docs > 0 ? lengthSum / docs : 0;
    const postDoc = new Int32Array(total);
    const postPart = new Float32Array(total);
    for (let d = 0; d < docs; d++) {
      const norm = lengthNorm(docLength[d] as number, avgdl, k1, b);
      eachTerm(d, (code, tf) => {
        const t = termOf.get(code) as number;
        const at = cursor[t] as number;
        postDoc[at] = d;
        postPart[at] = tfPart(tf, norm);
        cursor[t] = at + 1;
      });
    }
    return new TextIndex(docs, avgdl, termOf, dfs, starts, postDoc, postPart);
  }

  df(code: number): number {
    const t = this.termOf.get(code);
    return t === undefined ? 0 : (this.dfs[t] as number);
  }

  /** Adds each document's weighted BM25 score to acc[doc], term by term in the prepared order. */
  accumulate(prepared: PreparedTerms, acc: Float64Array): void {
    const { starts, postDoc, postPart } = this;
    for (let q = 0; q < prepared.codes.length; q++) {
      const t = this.termOf.get(prepared.codes[q] as number);
      if (t === undefined) continue;
      const impact = prepared.impact[q] as number;
      const end = starts[t + 1] as number;
      for (let p = starts[t] as number; p < end; p++) {
        const d = postDoc[p] as number;
        acc[d] = (acc[d] as number) + termScore(impact, postPart[p] as number);
      }
    }
  }

  /** Bytes held by the typed arrays (the term map is counted roughly). */
  get bytes(): number {
    return this.dfs.byteLength + this.starts.byteLength + this.postDoc.byteLength + this.postPart.byteLength + this.termOf.size * 40;
  }

  get terms(): number {
    return this.dfs.length;
  }

  get postings(): number {
    return this.postDoc.length;
  }
}

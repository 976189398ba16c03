// Best first; equal scores go by candidate id, so the same input always gives the same list.

export const ranksBefore = (scoreA: number, idA: string, scoreB: number, idB: string): boolean =>
  scoreA > scoreB || (scoreA === scoreB && idA < idB);

/** The best `size` entries seen so far, kept sorted: cheap for the small tops a shortlist needs. */
export class TopK {
  readonly items: number[] = [];
  readonly scores: number[] = [];
  constructor(private readonly size: number, private readonly idOf: (item: number) => string) {}

  get full(): boolean {
    return this.items.length >= this.size;
  }

  /** The score to beat once full. */
  get bar(): number {
    return this.scores[this.items.length - 1] ?? Number.NEGATIVE_INFINITY;
  }

  /** True when the item was taken. */
  offer(item: number, score: number): boolean {
    const n = this.items.length;
    if (this.size <= 0) return false;
    if (n === this.size && !ranksBefore(score, this.idOf(item), this.scores[n - 1] as number, this.idOf(this.items[n - 1] as number))) return false;
    let at = n === this.size ? n - 1 : n;
    while (at > 0 && ranksBefore(score, this.idOf(item), this.scores[at - 1] as number, this.idOf(this.items[at - 1] as number))) {
      this.items[at] = this.items[at - 1] as number;
      this.scores[at] = this.scores[at - 1] as number;
      at -= 1;
    }
    this.items[at] = item;
    this.scores[at] = score;
    return true;
  }
}

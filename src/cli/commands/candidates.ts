import type { App } from '../../app.js';
import { candidateCsvHeader, candidateCsvLine } from '../../core/matching/candidate-csv.js';
import type { CandidateRecord } from '../../core/matching/candidate.js';
import { generateCandidates } from '../../core/matching/generate.js';
import { UsageError } from '../errors.js';

// `bansou candidates import FILE.csv` and `bansou candidates generate --count N [--seed S]`.

/** Progress is shown for files at least this large, every this many rows. */
const PROGRESS_EVERY = 10_000;

const n = (value: number): string => value.toLocaleString('ja-JP');

/** Writes validated records in one transaction: all of them, or none. */
export async function importCandidates(app: App, records: CandidateRecord[], out: (s: string) => void, err: (s: string) => void): Promise<void> {
  let shown = 0;
  const result = await app.candidates.upsertMany(records, ({ done, total }) => {
    if (total < PROGRESS_EVERY) return;
    if (done - shown >= PROGRESS_EVERY || done === total) {
      shown = done;
      err(`取り込み中… ${n(done)} / ${n(total)} 件`);
    }
  });
  out(`${n(records.length)}件を取り込みました（新規 ${n(result.created)}件、更新 ${n(result.updated)}件）`);
}

export function parseCount(raw: string | undefined): number {
  const count = Number(raw);
  if (raw === undefined || !/^[0-9]+$/u.test(raw) || count < 1 || count > 1_000_000) {
    throw new UsageError('--count には 1〜1000000 の整数を指定してください: bansou candidates generate --count N [--seed S]');
  }
  return count;
}

export function parseSeed(raw: string | undefined): string {
  const seed = raw ?? '1';
  if (!/^[A-Za-z0-9_-]{1,32}$/u.test(seed)) throw new UsageError('--seed には英数字・「-」「_」で32文字までの値を指定してください');
  return seed;
}

/** The same bytes for the same count and seed; written in chunks, respecting backpressure. */
export async function generateCsv(count: number, seed: string, write: (chunk: string) => Promise<void>): Promise<void> {
  let chunk = candidateCsvHeader();
  let rows = 0;
  for (const record of generateCandidates(count, seed)) {
    chunk += candidateCsvLine(record);
    if (++rows % 1000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
}

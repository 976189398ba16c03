import { readFile } from 'node:fs/promises';
import { decodeCsvBytes, EncodingError, formatProblem, readCandidateCsv } from '../core/matching/candidate-csv.js';
import type { CandidateRecord } from '../core/matching/candidate.js';
import { matchInputFromJson, SpecFileError } from '../core/matching/input.js';
import type { MatchInput } from '../core/matching/query.js';
import { InputError } from './errors.js';

// The files the matching commands read: a candidate CSV and a spec JSON. Every problem
// becomes an InputError (exit 1) with a message an operator can act on.

/** More than this many problems are counted, not listed: the first ones show the pattern. */
export const MAX_PROBLEMS_SHOWN = 50;

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'ファイルが見つかりません' : code === 'EISDIR' ? 'フォルダです' : `読めません（${code ?? 'error'}）`;
    throw new InputError(`${file}: ${why}`);
  }
}

/** A whole candidate CSV, validated: every bad row, column and reason, or the records. */
export async function readCandidateFile(file: string): Promise<CandidateRecord[]> {
  let text: string;
  try {
    text = decodeCsvBytes(await readBytes(file));
  } catch (err) {
    if (err instanceof EncodingError) throw new InputError(`${file}: ${err.message}`);
    throw err;
  }
  const result = readCandidateCsv(text);
  if (result.ok) return result.records;
  const shown = result.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  ${formatProblem(p)}`);
  const more = result.problems.length - shown.length;
  throw new InputError([
    `${file} を取り込めませんでした（問題 ${result.problems.length} 件）。ファイルの内容は1件も取り込んでいません。`,
    ...shown,
    ...(more > 0 ? [`  ほか ${more} 件`] : []),
  ].join('\n'));
}

export async function readSpecFile(file: string): Promise<MatchInput> {
  const bytes = await readBytes(file);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, ''));
  } catch (err) {
    throw new InputError(`${file}: UTF-8 の JSON として読めません（${(err as Error).message}）`);
  }
  try {
    return matchInputFromJson(value);
  } catch (err) {
    if (err instanceof SpecFileError) throw new InputError(`${file}: ${err.message}`);
    throw err;
  }
}

import { INDUSTRIES, PREFECTURES, SKILLS, WORK_STYLES, type Industry, type Prefecture, type Skill, type WorkStyle } from '../vocab.js';
import { CANDIDATE_KINDS, type CandidateKind, type CandidateRecord } from './candidate.js';
import { CsvSyntaxError, csvLine, parseCsv } from './csv.js';

// The candidate CSV of ../shared/contracts.md: every problem of a file is found in one go and
// named by line, column and reason, so an operator fixes the file once, not once per error.

export const CSV_COLUMNS = [
  'id', 'name', 'kind', 'age', 'prefecture', 'remote_ok', 'days_per_week', 'work_styles', 'skill_categories',
  'industries', 'monthly_fee_min_yen', 'headline', 'summary', 'email',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['id', 'name', 'kind', 'prefecture', 'remote_ok', 'days_per_week', 'work_styles', 'skill_categories'];

export interface CsvProblem {
  line: number;
  column: string | null;
  reason: string;
}

export type CandidateCsvResult = { ok: true; records: CandidateRecord[] } | { ok: false; problems: CsvProblem[] };

export const formatProblem = (p: CsvProblem): string => `${p.line}行目${p.column ? ` ${p.column}` : ''}: ${p.reason}`;

type Parsed<T> = { value: T } | { error: string };

const LIMITS: Partial<Record<Column, number>> = { id: 64, name: 100, headline: 200, summary: 4000, email: 254 };

function codes<T extends string>(raw: string, allowed: readonly T[], required: boolean): Parsed<T[]> {
  if (raw === '') return required ? { error: '1つ以上のコードを「|」区切りで書いてください' } : { value: [] };
  const items = raw.split('|').map((s) => s.trim());
  if (items.some((s) => s === '')) return { error: '空のコードがあります（「|」が続いているか、端にあります）' };
  const unknown = items.filter((s) => !allowed.includes(s as T));
  if (unknown.length) return { error: `不明なコード ${unknown.map((u) => `"${u}"`).join(', ')} があります（使えるコード: ${allowed.join(', ')}）` };
  return { value: [...new Set(items as T[])] };
}

function prefecture(raw: string): Parsed<Prefecture> {
  if (PREFECTURES.includes(raw as Prefecture)) return { value: raw as Prefecture };
  const official = PREFECTURES.find((p) => p.slice(0, -1) === raw || (raw === '北海' && p === '北海道'));
  return { error: official ? `"${raw}" は正式名の「${official}」で書いてください` : `"${raw}" は都道府県名ではありません（例: 東京都、北海道、大阪府、埼玉県）` };
}

function integer(raw: string, min: number, max: number, what: string): Parsed<number | null> {
  if (raw === '') return { value: null };
  if (!/^[0-9]+$/u.test(raw)) return { error: `${what}を半角数字だけで書いてください（"${raw}"）` };
  const n = Number(raw);
  return n >= min && n <= max ? { value: n } : { error: `${what}は${min}〜${max}の範囲で書いてください（"${raw}"）` };
}

function days(raw: string): Parsed<number> {
  if (!/^[0-9]+(\.[0-9]+)?$/u.test(raw)) return { error: `0.5〜5の数（小数可、例: 1.5）で書いてください（"${raw}"）` };
  const n = Number(raw);
  return n >= 0.5 && n <= 5 ? { value: n } : { error: `週の日数は0.5〜5の範囲で書いてください（"${raw}"）` };
}

function bool(raw: string): Parsed<boolean> {
  const v = raw.toLowerCase();
  return v === 'true' ? { value: true } : v === 'false' ? { value: false } : { error: `true か false で書いてください（"${raw}"）` };
}

function header(record: { line: number; fields: string[] } | undefined): { columns: string[]; problems: CsvProblem[] } {
  if (!record) return { columns: [], problems: [{ line: 1, column: null, reason: '見出しの行がありません（空のファイルです）' }] };
  const columns = record.fields.map((f) => f.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) problems.push({ line: record.line, column: null, reason: `必須の列がありません: ${missing.join(', ')}` });
  const unknown = columns.filter((c) => !CSV_COLUMNS.includes(c as Column));
  if (unknown.length) problems.push({ line: record.line, column: null, reason: `不明な列があります: ${unknown.map((u) => `"${u}"`).join(', ')}（使える列: ${CSV_COLUMNS.join(', ')}）` });
  const twice = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (twice.length) problems.push({ line: record.line, column: null, reason: `同じ列が2回あります: ${[...new Set(twice)].join(', ')}` });
  return { columns, problems };
}

/** Validates a whole file's text (already decoded, BOM removed). */
export function readCandidateCsv(text: string): CandidateCsvResult {
  let rows;
  let broken: CsvProblem | null = null;
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    // The rows before the break are still checked: the operator sees every problem at once.
    rows = err.before;
    broken = { line: err.line, column: null, reason: err.reason };
    if (!rows.length) return { ok: false, problems: [broken] };
  }
  const head = header(rows[0]);
  if (head.problems.length) return { ok: false, problems: head.problems };
  if (rows.length < 2 && !broken) return { ok: false, problems: [{ line: 2, column: null, reason: 'データの行がありません' }] };

  const problems: CsvProblem[] = [];
  const records: CandidateRecord[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows.slice(1)) {
    if (row.fields.length !== head.columns.length) {
      problems.push({ line: row.line, column: null, reason: `項目の数が見出しと合いません（見出しは${head.columns.length}列、この行は${row.fields.length}列）` });
      continue;
    }
    const raw = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
    head.columns.forEach((c, i) => (raw[c as Column] = (row.fields[i] as string).trim()));
    const before = problems.length;
    const take = <T>(column: Column, parsed: Parsed<T>): T => {
      if ('error' in parsed) problems.push({ line: row.line, column, reason: parsed.error });
      return 'value' in parsed ? parsed.value : (undefined as T);
    };
    for (const c of REQUIRED) if (raw[c] === '') take(c, { error: '必須の項目が空です' });
    for (const [c, max] of Object.entries(LIMITS) as [Column, number][]) {
      if (raw[c].length > max) take(c, { error: `${max}文字以内で書いてください（${raw[c].length}文字）` });
    }
    if (raw.id !== '' && /\s/u.test(raw.id)) take('id', { error: `空白を含まない文字列にしてください（"${raw.id}"）` });
    const seen = firstLineOf.get(raw.id);
    if (raw.id !== '' && seen !== undefined) take('id', { error: `"${raw.id}" が${seen}行目と重複しています` });
    else if (raw.id !== '') firstLineOf.set(raw.id, row.line);
    const kind = raw.kind === '' ? undefined : take('kind', CANDIDATE_KINDS.includes(raw.kind as CandidateKind) ? { value: raw.kind as CandidateKind } : { error: `不明な種別 "${raw.kind}" です（使えるコード: ${CANDIDATE_KINDS.join(', ')}）` });
    const age = take('age', integer(raw.age, 15, 100, '年齢'));
    const pref = raw.prefecture === '' ? undefined : take('prefecture', prefecture(raw.prefecture));
    const remoteOk = raw.remote_ok === '' ? undefined : take('remote_ok', bool(raw.remote_ok));
    const perWeek = raw.days_per_week === '' ? undefined : take('days_per_week', days(raw.days_per_week));
    const styles = raw.work_styles === '' ? undefined : take('work_styles', codes<WorkStyle>(raw.work_styles, WORK_STYLES, true));
    const skills = raw.skill_categories === '' ? undefined : take('skill_categories', codes<Skill>(raw.skill_categories, SKILLS, true));
    const industries = take('industries', codes<Industry>(raw.industries, INDUSTRIES, false));
    const fee = take('monthly_fee_min_yen', integer(raw.monthly_fee_min_yen, 0, 100_000_000, '月額の最低報酬（円）'));
    if (raw.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(raw.email)) take('email', { error: `メールアドレスの形ではありません（"${raw.email}"）` });
    if (problems.length > before) continue;
    records.push({
      profile: {
        id: raw.id, kind: kind as CandidateKind, prefecture: pref as Prefecture, remoteOk: remoteOk as boolean,
        daysPerWeek: perWeek as number, workStyles: styles as WorkStyle[], skillCategories: skills as Skill[], industries,
        monthlyFeeMinYen: fee, headline: raw.headline || null, summary: raw.summary || null,
      },
      personal: { name: raw.name, email: raw.email || null, age },
    });
  }
  if (broken) problems.push(broken);
  return problems.length ? { ok: false, problems } : { ok: true, records };
}

export class EncodingError extends Error {
  override name = 'EncodingError';
}

/**
 * UTF-8 with or without a BOM. Anything else (Shift_JIS from Excel, UTF-16) is refused with
 * the first line that cannot be read, rather than imported as mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new EncodingError('文字コードが UTF-16 です。UTF-8 で保存し直してください');
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    if (text.includes('\u0000')) throw new EncodingError('テキストファイルではないようです（NUL文字が含まれています）');
    return text;
  } catch (err) {
    if (err instanceof EncodingError) throw err;
    let line = 1;
    let from = 0;
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let i = 0; i <= body.length; i++) {
      if (i < body.length && body[i] !== 0x0a) continue;
      try {
        strict.decode(body.subarray(from, i));
      } catch {
        break;
      }
      line += 1;
      from = i + 1;
    }
    throw new EncodingError(`文字コードが UTF-8 ではありません（${line}行目に読めない文字があります）。Excel などで Shift_JIS のまま保存した場合は、「CSV UTF-8」形式で保存し直してください`);
  }
}

/** One record as a CSV line, columns in contract order. */
export function candidateCsvLine(r: CandidateRecord): string {
  const p = r.profile;
  return csvLine([
    p.id, r.personal.name, p.kind, r.personal.age === null ? '' : String(r.personal.age), p.prefecture, String(p.remoteOk),
    String(p.daysPerWeek), p.workStyles.join('|'), p.skillCategories.join('|'), p.industries.join('|'),
    p.monthlyFeeMinYen === null ? '' : String(p.monthlyFeeMinYen), p.headline ?? '', p.summary ?? '', r.personal.email ?? '',
  ]);
}

export const candidateCsvHeader = (): string => csvLine([...CSV_COLUMNS]);

// The network's figures for a period (the measures the guideline's reports use): how many
// organisations worked cases, how many needs became specs, introductions, hires and
// follow-ups, and how long the way from a first message to an approved spec and a hire takes.

export interface ReportPeriod {
  /** Inclusive, at 00:00 Japan time. Null: since the beginning. */
  from: Date | null;
  /** Exclusive (the day after `--to`). Null: up to now. */
  to: Date | null;
}

export interface NetworkReport {
  from: string | null;
  to: string | null;
  organisationsActive: number;
  casesOpened: number;
  specsDrafted: number;
  specsApproved: number;
  introductions: number;
  hires: number;
  followUpsDone: number;
  /** Median days from the first message (case opened) to the spec's approval, for approvals in the period. */
  medianDaysToApprovedSpec: number | null;
  medianDaysToHire: number | null;
}

export interface ReportSource {
  report(period: ReportPeriod): Promise<Omit<NetworkReport, 'from' | 'to'>>;
}

const LABELS: [keyof NetworkReport, string][] = [
  ['organisationsActive', '案件に取り組んだ機関'],
  ['casesOpened', '新しい相談'],
  ['specsDrafted', '求人化（下書き確定）'],
  ['specsApproved', '求人の承認'],
  ['introductions', '紹介（面談確定）'],
  ['hires', '採用・契約'],
  ['followUpsDone', 'フォローアップ実施'],
  ['medianDaysToApprovedSpec', '最初の相談から承認までの日数（中央値）'],
  ['medianDaysToHire', '最初の相談から採用までの日数（中央値）'],
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` as the start of that day in Japan; the `to` day is included whole. */
export function parsePeriod(from: string | undefined, to: string | undefined): ReportPeriod {
  const day = (s: string, name: string, plusDays = 0): Date => {
    const d = new Date(`${s}T00:00:00+09:00`);
    if (!DATE.test(s) || Number.isNaN(d.getTime())) throw new RangeError(`--${name} は YYYY-MM-DD の形で指定してください（指定: ${s}）`);
    return new Date(d.getTime() + plusDays * 86_400_000);
  };
  const period = { from: from ? day(from, 'from') : null, to: to ? day(to, 'to', 1) : null };
  if (period.from && period.to && period.from >= period.to) throw new RangeError('--from は --to より前の日付にしてください。');
  return period;
}

const days = (n: number | null): string => (n === null ? '—' : `${n.toFixed(1)}日`);

export function formatReport(r: NetworkReport, format: 'md' | 'csv' | 'json'): string {
  if (format === 'json') return JSON.stringify(r, null, 2);
  const value = (k: keyof NetworkReport): string => {
    const v = r[k];
    return k.startsWith('median') ? (format === 'md' ? days(v as number | null) : v === null ? '' : (v as number).toFixed(1)) : String(v);
  };
  if (format === 'csv') {
    const rows = [['指標', 'key', '値'], ['期間開始', 'from', r.from ?? ''], ['期間終了', 'to', r.to ?? ''], ...LABELS.map(([k, label]) => [label, k, value(k)])];
    return rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  }
  const period = `${r.from ?? '開始時点'} 〜 ${r.to ?? '現在'}`;
  return [`# 支援ネットワークの実績`, '', `期間：${period}`, '', '| 指標 | 値 |', '|---|---:|', ...LABELS.map(([k, label]) => `| ${label} | ${value(k)} |`), ''].join('\n');
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes. */
export function csvField(v: string): string {
  return /[",\r\n]/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

const JST_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;
const jstDate = (d: Date): string => new Date(d.getTime() + JST_MS).toISOString().slice(0, 10);

/** The seven whole days (Japan time) before `now`'s day: what a Monday-morning post reports. */
export function previousWeek(now: Date): { period: ReportPeriod; from: string; to: string } {
  const todayStart = new Date(Math.floor((now.getTime() + JST_MS) / DAY_MS) * DAY_MS - JST_MS);
  const from = new Date(todayStart.getTime() - 7 * DAY_MS);
  return { period: { from, to: todayStart }, from: jstDate(from), to: jstDate(new Date(todayStart.getTime() - 1)) };
}

/** The figures as a short message for a chat channel (no tables: Slack would not draw them). */
export function reportMessage(r: NetworkReport, heading: string): string {
  const value = (k: keyof NetworkReport): string => (k.startsWith('median') ? days(r[k] as number | null) : `${r[k]}件`);
  const unit = (k: keyof NetworkReport): string => (k === 'organisationsActive' ? `${r[k]}機関` : value(k));
  return [`${heading}（${r.from ?? '開始時点'} 〜 ${r.to ?? '現在'}）`, ...LABELS.map(([k, label]) => `・${label}：${unit(k)}`)].join('\n');
}

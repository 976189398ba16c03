import { z } from 'zod';
import type { JobSpec } from '../../src/core/case-sheet.js';
import { PREFECTURES } from '../../src/core/vocab.js';
import { adaptiveCard, noticeBlock, textBlock, type AdaptiveCard, type AdaptiveElement, type Notice } from './render.js';

// The editor a coordinator opens from the approval card: the spec's main fields as inputs,
// submitted with the verb `save_edit`. Teams sends every input value as a string.

export const EDIT_VERBS = { save: 'save_edit', cancel: 'cancel_edit' } as const;

type TextKey = 'title' | 'role' | 'expectations' | 'persona' | 'appeal';
type NumberKey = 'daysPerWeek' | 'monthlyBudgetYen' | 'durationMonths';
type ListKey = 'duties' | 'mustHave' | 'niceToHave';

const TEXTS: [TextKey, string, boolean][] = [
  ['title', '求人タイトル', false], ['role', '役割', false], ['expectations', '期待すること', true],
  ['persona', '求める人物像', true], ['appeal', '会社の魅力', true],
];
const NUMBERS: [NumberKey, string, number, number][] = [
  ['daysPerWeek', '週の日数', 0.5, 5], ['monthlyBudgetYen', '月額の予算（円）', 0, 10_000_000], ['durationMonths', '期間（か月）', 1, 120],
];
const LISTS: [ListKey, string][] = [['duties', '主な業務（1行に1つ）'], ['mustHave', '必須条件（1行に1つ）'], ['niceToHave', '歓迎条件（1行に1つ）']];

/** The input ids the editor uses, beside the spec's own keys. */
const PREFECTURE = 'prefecture';
const REMOTE = 'remoteOk';

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The form's values for a spec, as Teams would send them back untouched. */
function formValues(spec: JobSpec): Record<string, string> {
  return {
    ...Object.fromEntries(TEXTS.map(([key]) => [key, spec[key] ?? ''])),
    ...Object.fromEntries(LISTS.map(([key]) => [key, spec[key].join('\n')])),
    ...Object.fromEntries(NUMBERS.map(([key]) => [key, spec[key] === null ? '' : String(spec[key])])),
    [PREFECTURE]: spec.location.prefecture ?? '',
    [REMOTE]: spec.location.remoteOk === null ? '' : String(spec.location.remoteOk),
  };
}

export function editCard(caseId: string, spec: JobSpec, notice?: Notice, entered: Record<string, unknown> = {}): AdaptiveCard {
  const current = formValues(spec);
  const value = (key: string): string => (key in entered ? str(entered[key]) : current[key] ?? '');
  const body: AdaptiveElement[] = [textBlock(`求人の下書きを編集　案件 ${caseId}`, { weight: 'Bolder', size: 'Medium' })];
  if (notice) body.push(noticeBlock(notice));
  for (const [key, label, multiline] of TEXTS) {
    body.push({ type: 'Input.Text', id: key, label, isMultiline: multiline, maxLength: 500, value: value(key) });
  }
  for (const [key, label] of LISTS) {
    body.push({ type: 'Input.Text', id: key, label, isMultiline: true, maxLength: 2000, value: value(key) });
  }
  for (const [key, label, min, max] of NUMBERS) {
    const n = value(key).trim() === '' ? Number.NaN : Number(value(key));
    body.push({ type: 'Input.Number', id: key, label, min, max, ...(Number.isFinite(n) ? { value: n } : {}) });
  }
  body.push({
    type: 'Input.ChoiceSet', id: PREFECTURE, label: '勤務地', style: 'compact',
    value: value(PREFECTURE),
    choices: [{ title: '（未定）', value: '' }, ...PREFECTURES.map((p) => ({ title: p, value: p }))],
  });
  body.push({
    type: 'Input.ChoiceSet', id: REMOTE, label: 'リモート', style: 'compact',
    value: value(REMOTE),
    choices: [{ title: '（未定）', value: '' }, { title: '可', value: 'true' }, { title: '不可', value: 'false' }],
  });
  return adaptiveCard(body, [
    { type: 'Action.Execute', title: '保存する', verb: EDIT_VERBS.save, data: { caseId }, style: 'positive' },
    { type: 'Action.Execute', title: '編集をやめる', verb: EDIT_VERBS.cancel, data: { caseId }, associatedInputs: 'none' },
  ], `求人の下書きを編集　案件 ${caseId}`);
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v);
const optionalText = z.preprocess(blankToNull, z.string().max(500).nullable());
const lines = z.preprocess((v) => str(v).split(/\r?\n/).map((l) => l.replace(/^[・\-*\s]+/u, '').trim()).filter(Boolean), z.array(z.string().max(200)).max(20));
const number = (label: string, min: number, max: number, integer: boolean) => z.preprocess(
  blankToNull,
  z.coerce.number({ message: `${label}は数字でご入力ください。` })
    .min(min, `${label}は ${min} 以上でご入力ください。`).max(max, `${label}は ${max} 以下でご入力ください。`)
    .refine((n) => !integer || Number.isInteger(n), `${label}は整数でご入力ください。`)
    .nullable(),
);

const formSchema = z.object({
  ...Object.fromEntries(TEXTS.map(([key]) => [key, optionalText])),
  ...Object.fromEntries(LISTS.map(([key]) => [key, lines])),
  daysPerWeek: number('週の日数', 0.5, 5, false),
  monthlyBudgetYen: number('月額の予算', 0, 10_000_000, true),
  durationMonths: number('期間', 1, 120, true),
  [PREFECTURE]: z.preprocess(blankToNull, z.enum(PREFECTURES, { message: '勤務地は一覧からお選びください。' }).nullable()),
  [REMOTE]: z.preprocess(blankToNull, z.enum(['true', 'false']).nullable()),
});

export type EditOutcome = { ok: true; patch: Partial<JobSpec> } | { ok: false; problems: string[] };

/** The submitted form as a patch of what actually changed, or the problems in Japanese. */
export function parseEdit(spec: JobSpec, data: Record<string, unknown>): EditOutcome {
  // An input Teams did not send keeps its value rather than being cleared.
  const parsed = formSchema.safeParse({ ...formValues(spec), ...data });
  if (!parsed.success) return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  const form = parsed.data as Record<string, unknown>;
  const next: JobSpec = {
    ...spec,
    ...Object.fromEntries([...TEXTS, ...LISTS, ...NUMBERS].map(([key]) => [key, form[key]])),
    location: { prefecture: form[PREFECTURE] as JobSpec['location']['prefecture'], remoteOk: form[REMOTE] === null ? null : form[REMOTE] === 'true' },
  };
  const patch: Partial<JobSpec> = {};
  for (const key of Object.keys(next) as (keyof JobSpec)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(spec[key])) Object.assign(patch, { [key]: next[key] });
  }
  return { ok: true, patch };
}

import type { types } from '@slack/bolt';
import type { JobSpec } from '../../src/core/case-sheet.js';
import type { OrganisationRecord } from '../../src/core/workflow/ports.js';
import { clip } from './render.js';

// The modals behind the case card's buttons, and the reading of their submissions. Slack's
// limits (https://docs.slack.dev/reference/views): a title and its buttons 24 characters,
// private_metadata 3,000, a static_select 100 options of 75 characters.

export const CALLBACKS = { askOwner: 'ask_owner', editDraft: 'edit_draft', handOver: 'hand_over', checkIn: 'check_in', closeCase: 'close_case' } as const;
export type ModalCallback = (typeof CALLBACKS)[keyof typeof CALLBACKS];

/** What a submission needs to find its way back: the case, and where to answer the member. */
export interface ModalContext {
  caseId: string;
  channelId: string | null;
}

export const encodeContext = (c: ModalContext): string => JSON.stringify({ caseId: c.caseId, channelId: c.channelId });

export function decodeContext(raw: string): ModalContext | null {
  try {
    const v = JSON.parse(raw) as Partial<ModalContext>;
    return typeof v.caseId === 'string' ? { caseId: v.caseId, channelId: typeof v.channelId === 'string' ? v.channelId : null } : null;
  } catch {
    return null;
  }
}

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text });

function modal(callback: ModalCallback, title: string, ctx: ModalContext, blocks: types.KnownBlock[], submit = '送信'): types.ModalView {
  return {
    type: 'modal', callback_id: callback, private_metadata: encodeContext(ctx),
    title: plain(clip(title, 24)), submit: plain(submit), close: plain('キャンセル'), blocks,
  };
}

function textInput(blockId: string, label: string, o: { initial?: string | null; multiline?: boolean; optional?: boolean; max?: number; hint?: string } = {}): types.InputBlock {
  return {
    type: 'input', block_id: blockId, label: plain(label), optional: o.optional ?? true,
    ...(o.hint ? { hint: plain(o.hint) } : {}),
    element: {
      type: 'plain_text_input', action_id: 'value', multiline: o.multiline ?? false, max_length: o.max ?? 3000,
      // Slack refuses an empty initial_value; leave it out instead.
      ...(o.initial ? { initial_value: clip(o.initial, o.max ?? 3000) } : {}),
    },
  };
}

function numberInput(blockId: string, label: string, initial: number | null, o: { decimal: boolean; min: number; max?: number; hint?: string }): types.InputBlock {
  return {
    type: 'input', block_id: blockId, label: plain(label), optional: true, ...(o.hint ? { hint: plain(o.hint) } : {}),
    element: {
      type: 'number_input', action_id: 'value', is_decimal_allowed: o.decimal, min_value: String(o.min),
      ...(o.max !== undefined ? { max_value: String(o.max) } : {}),
      ...(initial !== null ? { initial_value: String(initial) } : {}),
    },
  };
}

export function askOwnerModal(ctx: ModalContext): types.ModalView {
  return modal(CALLBACKS.askOwner, '経営者に質問', ctx, [
    { type: 'section', text: { type: 'mrkdwn', text: `案件 ${ctx.caseId} の経営者に、bot からメッセージで質問をお送りします。返信はこの案件のスレッドに届きます。` } },
    textInput('question', '質問', { multiline: true, optional: false, max: 1000, hint: '経営者の方が読みやすいよう、短く具体的にお書きください。' }),
  ]);
}

const lines = (items: string[]): string => items.join('\n');

/** The spec's main fields, prefilled; lists are one item per line. */
export function editDraftModal(ctx: ModalContext, spec: JobSpec): types.ModalView {
  return modal(CALLBACKS.editDraft, '求人の下書きを編集', ctx, [
    textInput('title', '求人タイトル', { initial: spec.title, max: 150 }),
    textInput('role', '役割・ポジション', { initial: spec.role, max: 300 }),
    textInput('duties', '主な業務（1行に1つ）', { initial: lines(spec.duties), multiline: true }),
    textInput('mustHave', '必須条件（1行に1つ）', { initial: lines(spec.mustHave), multiline: true }),
    textInput('niceToHave', '歓迎条件（1行に1つ）', { initial: lines(spec.niceToHave), multiline: true }),
    numberInput('daysPerWeek', '週あたりの日数', spec.daysPerWeek, { decimal: true, min: 0.5, max: 5, hint: '0.5〜5日（半日は0.5）' }),
    numberInput('monthlyBudgetYen', '月額予算（円）', spec.monthlyBudgetYen, { decimal: false, min: 0 }),
    numberInput('durationMonths', '期間（か月）', spec.durationMonths, { decimal: false, min: 1, max: 120 }),
    textInput('appeal', '会社の魅力・アピール', { initial: spec.appeal, multiline: true, max: 1000 }),
  ], '保存');
}

export function handOverModal(ctx: ModalContext, organisations: OrganisationRecord[]): types.ModalView {
  const options = organisations.slice(0, 100).map((o) => ({ text: plain(clip(o.name, 75)), value: o.id }));
  return modal(CALLBACKS.handOver, '他機関へ引き継ぐ', ctx, [
    { type: 'section', text: { type: 'mrkdwn', text: `案件 ${ctx.caseId} を引き継ぐ機関を選んでください（トスアップ）。引き継いだ後も、この機関から経過を確認できます。` } },
    { type: 'input', block_id: 'to', label: plain('引き継ぎ先'), element: { type: 'static_select', action_id: 'value', placeholder: plain('機関を選択'), options } },
    textInput('note', '引き継ぎメモ', { multiline: true, max: 1000, hint: '相手の機関に伝えたいことがあればお書きください。' }),
  ]);
}

export function checkInModal(ctx: ModalContext): types.ModalView {
  return modal(CALLBACKS.checkIn, 'フォローアップを記録', ctx, [
    { type: 'section', text: { type: 'mrkdwn', text: `案件 ${ctx.caseId} で、経営者や人材の方に様子を伺った内容を記録します。` } },
    textInput('note', 'メモ', { multiline: true, max: 2000, hint: '例：30日面談。業務は順調、月次の品質会議を始めた。' }),
  ], '記録');
}

export function closeCaseModal(ctx: ModalContext): types.ModalView {
  return modal(CALLBACKS.closeCase, '案件を終了', ctx, [
    { type: 'section', text: { type: 'mrkdwn', text: `案件 ${ctx.caseId} を終了します。経営者には、ご相談がいったん終了したことをお知らせします。` } },
    textInput('reason', '終了の理由', { multiline: true, optional: false, max: 1000, hint: '例：自社で採用できた／経営者の都合で見送り' }),
  ], '終了する');
}

// --- submissions ------------------------------------------------------------------------

export interface SubmittedValue {
  value?: string | null;
  selected_option?: { value: string } | null;
}
export type SubmittedValues = Record<string, Record<string, SubmittedValue>>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const raw = (values: SubmittedValues, block: string): string => (values[block]?.value?.value ?? '').trim();
const orNull = (s: string): string | null => (s ? s : null);
const list = (s: string): string[] => s.split('\n').map((l) => l.replace(/^[・\-*]\s*/u, '').trim()).filter(Boolean);

export function parseAskOwner(values: SubmittedValues): Parsed<{ question: string }> {
  const question = raw(values, 'question');
  return question ? { ok: true, value: { question } } : { ok: false, errors: { question: '質問を入力してください。' } };
}

export function parseEditDraft(values: SubmittedValues): Parsed<Partial<JobSpec>> {
  const errors: Record<string, string> = {};
  const num = (block: string, check: (n: number) => string | null): number | null => {
    const s = raw(values, block);
    if (!s) return null;
    const n = Number(s);
    const problem = Number.isFinite(n) ? check(n) : '数字で入力してください。';
    if (problem) errors[block] = problem;
    return problem ? null : n;
  };
  const patch: Partial<JobSpec> = {
    title: orNull(raw(values, 'title')),
    role: orNull(raw(values, 'role')),
    duties: list(raw(values, 'duties')),
    mustHave: list(raw(values, 'mustHave')),
    niceToHave: list(raw(values, 'niceToHave')),
    daysPerWeek: num('daysPerWeek', (n) => (n >= 0.5 && n <= 5 ? null : '0.5〜5日の範囲で入力してください。')),
    monthlyBudgetYen: num('monthlyBudgetYen', (n) => (Number.isInteger(n) && n >= 0 ? null : '0以上の整数（円）で入力してください。')),
    durationMonths: num('durationMonths', (n) => (Number.isInteger(n) && n >= 1 && n <= 120 ? null : '1〜120の整数（か月）で入力してください。')),
    appeal: orNull(raw(values, 'appeal')),
  };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: patch };
}

export function parseHandOver(values: SubmittedValues): Parsed<{ to: string; note: string | null }> {
  const to = values.to?.value?.selected_option?.value;
  if (!to) return { ok: false, errors: { to: '引き継ぎ先を選んでください。' } };
  return { ok: true, value: { to, note: orNull(raw(values, 'note')) } };
}

export function parseCheckIn(values: SubmittedValues): Parsed<{ note: string | null }> {
  return { ok: true, value: { note: orNull(raw(values, 'note')) } };
}

export function parseCloseCase(values: SubmittedValues): Parsed<{ reason: string }> {
  const reason = raw(values, 'reason');
  return reason ? { ok: true, value: { reason } } : { ok: false, errors: { reason: '終了の理由を入力してください。' } };
}

import type { CaseSheet } from '../case-sheet.js';
import { formatValue } from '../format.js';
import type { CardReply, Choice } from '../replies.js';
import { CASE_STATUS_LABELS } from '../vocab.js';

// The case card advisors work from (Slack root post) and the approval card coordinators
// decide on (Teams). Action values are `verb:caseId`, or `verb:caseId:candidateId` for an
// action about one person; each adapter maps them to its buttons.

export const MEMBER_VERBS = [
  'take_case', 'ask_owner', 'edit_draft', 'hand_over', 'send_for_approval', 'approve', 'return', 'edit',
  'approve_shortlist', 'confirm_meeting', 'record_hire', 'check_in', 'close_case',
] as const;
export type MemberVerb = (typeof MEMBER_VERBS)[number];

export const actionValue = (verb: MemberVerb, caseId: string, candidateId?: string): string =>
  candidateId ? `${verb}:${caseId}:${candidateId}` : `${verb}:${caseId}`;

export interface ParsedAction {
  verb: MemberVerb;
  caseId: string;
  candidateId: string | null;
}

export function parseActionValue(value: string): ParsedAction | null {
  const [verb, caseId, ...rest] = value.split(':');
  if (!verb || !caseId || !(MEMBER_VERBS as readonly string[]).includes(verb)) return null;
  return { verb: verb as MemberVerb, caseId, candidateId: rest.length ? rest.join(':') : null };
}

function companyLine(sheet: CaseSheet): string {
  const c = sheet.company;
  const parts = [c.name, formatValue('company.industry', c.industry), c.prefecture, formatValue('company.employees', c.employees)];
  return parts.filter(Boolean).join('・') || '（会社情報はヒアリング中）';
}

function topIssue(sheet: CaseSheet): string {
  return sheet.step1.issues[0]?.summary ?? '（ヒアリング中）';
}

export interface CaseCardContext {
  assignee: string | null;
  organisation: string | null;
}

export function caseCard(sheet: CaseSheet, ctx: CaseCardContext): CardReply {
  const id = sheet.caseId;
  const actions: Choice[] = [
    { label: '担当する', value: actionValue('take_case', id) },
    { label: '経営者に質問', value: actionValue('ask_owner', id) },
    { label: '下書きを編集', value: actionValue('edit_draft', id) },
    { label: '他機関へ引き継ぐ', value: actionValue('hand_over', id) },
  ];
  if (sheet.status === 'hired' || sheet.status === 'following_up') {
    actions.push({ label: 'フォローアップを記録', value: actionValue('check_in', id) });
  }
  if (sheet.status !== 'closed') actions.push({ label: '案件を終了', value: actionValue('close_case', id) });
  // The step that moves the case on comes last, where the eye ends.
  if (sheet.status === 'drafted' || sheet.status === 'returned') {
    actions.push({ label: '承認を依頼', value: actionValue('send_for_approval', id) });
  }
  return {
    type: 'card',
    kind: 'case_update',
    title: `案件 ${id}［${CASE_STATUS_LABELS[sheet.status]}］`,
    sections: [
      { heading: '会社', lines: [companyLine(sheet)] },
      { heading: '最優先の課題', lines: [topIssue(sheet)] },
      { heading: '求人の下書き', lines: [sheet.step2.spec.title ?? '（未作成）'] },
      { heading: '担当', lines: [[ctx.organisation, ctx.assignee].filter(Boolean).join('・') || '（未定）'] },
      { heading: '未確認の項目', lines: [`${sheet.missing.length}件`] },
    ],
    actions,
  };
}

export interface Decision {
  decision: 'approved' | 'returned';
  by: string;
  at: Date;
  comment?: string | null;
}

export const dateTime = (d: Date): string =>
  d.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** What a coordinator decides on; once decided, the same card shows who decided and when. */
export function approvalCard(sheet: CaseSheet, summary: CardReply, spec: CardReply, comments: string[], decided?: Decision): CardReply {
  const id = sheet.caseId;
  const sections = [
    { heading: '会社', lines: [companyLine(sheet)] },
    ...summary.sections.filter((s) => s.heading !== '会社'),
    ...spec.sections,
    { heading: '支援者のコメント', lines: comments.length ? comments : ['（なし）'] },
  ];
  if (decided) {
    const verdict = decided.decision === 'approved' ? '承認' : '差し戻し';
    sections.unshift({ heading: '判断', lines: [`${decided.by} さんが ${dateTime(decided.at)} に${verdict}しました`, ...(decided.comment ? [`コメント：${decided.comment}`] : [])] });
  }
  return {
    type: 'card',
    kind: 'approval_request',
    title: `求人の承認依頼　案件 ${id}`,
    sections,
    actions: decided ? [] : [
      { label: '承認する', value: actionValue('approve', id) },
      { label: 'コメントして差し戻す', value: actionValue('return', id) },
      { label: '編集する', value: actionValue('edit', id) },
    ],
  };
}

import { z } from 'zod';
import { parseActionValue, type MemberVerb } from '../../../src/core/notify/case-card.js';
import type { MemberAction } from '../../../src/core/workflow/member-actions.js';

// A button pressed (and its dialog filled in) in the simulated Slack or Teams pane, as the
// core's member action. Each pane offers only what its real adapter offers.

const text = (max: number) => z.string().trim().max(max).optional().transform((s) => (s ? s : undefined));
const num = (min: number, max: number) =>
  z.union([z.number(), z.string().trim()]).optional()
    .transform((v) => (v === undefined || v === '' ? undefined : Number(v)))
    .pipe(z.number().min(min).max(max).optional());

export const actionRequestSchema = z.object({
  pane: z.enum(['slack', 'teams']),
  value: z.string().max(100),
  messageId: z.string().uuid().optional(),
  question: text(2000),
  comment: text(2000),
  to: text(200),
  note: text(2000),
  title: text(200),
  daysPerWeek: num(0.5, 5),
  monthlyBudgetYen: num(0, 10_000_000),
  durationMonths: num(1, 120),
  candidateIds: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
});
export type ActionRequest = z.infer<typeof actionRequestSchema>;

export const PANE_VERBS: Record<ActionRequest['pane'], readonly (MemberVerb | 'comment')[]> = {
  slack: ['take_case', 'ask_owner', 'edit_draft', 'hand_over', 'send_for_approval', 'comment', 'record_hire', 'check_in', 'close_case'],
  teams: ['approve', 'return', 'edit', 'approve_shortlist', 'confirm_meeting', 'record_hire'],
};

export type Parsed = { caseId: string; action: MemberAction } | { error: string };

function specPatch(r: ActionRequest): MemberAction | { error: string } {
  const patch = {
    ...(r.title ? { title: r.title } : {}),
    ...(r.daysPerWeek !== undefined ? { daysPerWeek: r.daysPerWeek } : {}),
    ...(r.monthlyBudgetYen !== undefined ? { monthlyBudgetYen: Math.round(r.monthlyBudgetYen) } : {}),
    ...(r.durationMonths !== undefined ? { durationMonths: Math.round(r.durationMonths) } : {}),
  };
  return Object.keys(patch).length ? { type: 'edit_spec', patch } : { error: '変更する項目を1つ以上入力してください。' };
}

export function toMemberAction(r: ActionRequest): Parsed {
  const comment = /^comment:(C-[0-9A-Z]{8})$/.exec(r.value);
  const parsed = comment ? { verb: 'comment' as const, caseId: comment[1] as string, candidateId: null } : parseActionValue(r.value);
  if (!parsed || !PANE_VERBS[r.pane].includes(parsed.verb)) return { error: 'このボタンはこの画面では使えません。' };
  const candidateId = parsed.candidateId;
  const action = ((): MemberAction | { error: string } => {
    switch (parsed.verb) {
      case 'take_case': return { type: 'take' };
      case 'ask_owner': return r.question ? { type: 'ask_owner', question: r.question } : { error: '質問を入力してください。' };
      case 'edit_draft':
      case 'edit': return specPatch(r);
      case 'hand_over': return r.to ? { type: 'hand_over', to: r.to, note: r.note ?? null } : { error: '引き継ぎ先を選んでください。' };
      case 'send_for_approval': return { type: 'send_for_approval', comment: r.comment ?? null };
      case 'approve': return { type: 'decide', decision: 'approve', comment: r.comment ?? null };
      case 'return': return { type: 'decide', decision: 'return', comment: r.comment ?? null };
      case 'comment': return r.comment ? { type: 'comment', text: r.comment } : { error: 'コメントを入力してください。' };
      case 'record_hire': return candidateId ? { type: 'record_hire', candidateId } : { error: '候補者が指定されていません。' };
      case 'approve_shortlist': return { type: 'approve_shortlist', candidateIds: r.candidateIds ?? [] };
      case 'confirm_meeting': return candidateId ? { type: 'confirm_meeting', candidateId } : { error: '候補者が指定されていません。' };
      case 'check_in': return { type: 'check_in', note: r.note ?? null };
      case 'close_case': return r.comment ? { type: 'close', reason: r.comment } : { error: '終了の理由を入力してください。' };
      default: return { error: 'このボタンはこの画面では使えません。' };
    }
  })();
  return 'error' in action ? action : { caseId: parsed.caseId, action };
}

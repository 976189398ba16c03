import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { parseActionValue } from '../../../src/core/notify/case-card.js';
import { PICK_CANDIDATES } from '../../../src/core/notify/introduction-cards.js';
import type { CardReply } from '../../../src/core/replies.js';
import type { ActionResult } from '../../../src/core/workflow/member-actions.js';
import type { MemberIdentityRef } from '../../../src/core/workflow/ports.js';
import { EDIT_VERBS, editCard, parseEdit } from '../edit-card.js';
import { COMMENT_INPUT, renderCard, type AdaptiveCard, type Notice } from '../render.js';
import { CHANNEL } from '../store.js';
import { actorOf, MESSAGES, type HandlerDeps } from './context.js';

// A click on a coordinator card's `Action.Execute` button (an `adaptiveCard/action` invoke):
// the approval card, the shortlist to choose from, a meeting to confirm.
// The answer replaces the card for the person who clicked (the invoke response); a decision
// or an edit also queues an update of every copy of the card in Teams, because a card
// replaced only by the invoke response reverts when the chat is reloaded
// (microsoft/botbuilder-js#4635). A refusal answers with a message and leaves the card as it
// was, so its decision state never changes for someone who may not decide.
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards

/** What Teams hands the SDK's actionExecute route: the action, with the card's inputs merged into data. */
interface ExecuteAction {
  verb?: string;
  data?: unknown;
}

/** Teams sends a multi-select ChoiceSet's ticked values as one comma-separated string. */
const ticked = z.union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

const dataSchema = z.object({
  caseId: z.string().regex(/^C-[0-9A-Z]{8}$/),
  candidateId: z.string().min(1).max(64).optional(),
  [PICK_CANDIDATES]: ticked.optional(),
}).passthrough();

type SameCard = (card: CardReply) => boolean;
const APPROVAL: SameCard = (c) => c.kind === 'approval_request';
const SHORTLIST: SameCard = (c) => c.kind === 'shortlist';
const meetingWith = (candidateId: string): SameCard => (c) =>
  c.kind === 'meeting_request' && c.actions.some((a) => parseActionValue(a.value)?.candidateId === candidateId);

const TEXT = {
  unreadable: 'カードの内容を読み取れませんでした。お手数ですが、もう一度お試しください。',
  unsupported: 'このボタンは Teams ではお使いいただけません。',
  notInReview: 'この案件はいま承認待ちではないため、ここでは編集できません。',
  noChange: '変更はありませんでした。',
  noAccess: 'この案件を扱う権限がありません。',
} as const;

type Answer = AdaptiveCard | string;

export async function onCardAction(ctx: TurnContext, deps: HandlerDeps, action: ExecuteAction): Promise<Answer> {
  const who = actorOf(ctx.activity);
  const data = dataSchema.safeParse(action.data);
  if (!who || !data.success) return TEXT.unreadable;
  const actor: MemberIdentityRef = who;
  const caseId = data.data.caseId;
  const fields = data.data as Record<string, unknown>;
  const cardActivity = ctx.activity.replyToId
    ? { activityId: ctx.activity.replyToId, conversationId: ctx.activity.conversation?.id ?? '' }
    : null;

  async function redraw(card: CardReply, same: SameCard): Promise<void> {
    // Every copy this bot delivered, and the one clicked (it may predate the outbox record).
    const copies = await deps.store.sentCards(caseId, same);
    const member = await deps.app.workflowStore.findMember(actor);
    if (member && cardActivity?.conversationId && !copies.some((c) => c.activityId === cardActivity.activityId)) {
      copies.push({ memberId: member.id, ...cardActivity });
    }
    if (!copies.length) return;
    await deps.app.outbox.enqueue(copies.map((c) => ({
      channel: CHANNEL, caseId, replies: [card],
      address: { kind: 'teams_member', memberId: c.memberId, caseId, updateActivityId: c.activityId, conversationId: c.conversationId },
    })));
    deps.app.onQueued();
  }

  /** Why someone may not see this card: unknown to bansou, or not allowed on this case. */
  async function noCardFor(): Promise<string> {
    return (await deps.app.workflowStore.findMember(actor)) ? TEXT.noAccess : MESSAGES.notRegistered;
  }

  /** The workflow's answer as the card to show, or a message when nothing changed for good reason. */
  async function answer(result: ActionResult, same: SameCard = APPROVAL): Promise<Answer> {
    if (result.outcome === 'refused' || result.outcome === 'not_found' || !result.card) return result.message;
    if (result.outcome === 'done') await redraw(result.card, same);
    const notice: Notice = { text: result.message, tone: result.outcome === 'done' ? 'good' : 'attention' };
    return renderCard(result.card, notice);
  }

  switch (action.verb) {
    case 'approve':
      return answer(await deps.app.workflow.act(actor, caseId, { type: 'decide', decision: 'approve', comment: null }));
    case 'return': {
      const comment = typeof fields[COMMENT_INPUT] === 'string' ? (fields[COMMENT_INPUT] as string).trim() : '';
      return answer(await deps.app.workflow.act(actor, caseId, { type: 'decide', decision: 'return', comment: comment || null }));
    }
    case 'edit':
    case EDIT_VERBS.save: {
      const stored = await deps.app.store.getCase(caseId);
      const card = await deps.app.workflow.approvalCard(actor, caseId);
      if (!stored) return `案件 ${caseId} は見つかりません。`;
      if (!card) return noCardFor();
      if (stored.status !== 'in_review') return TEXT.notInReview;
      const spec = stored.fields.step2.spec;
      if (action.verb === 'edit') return editCard(caseId, spec);
      const edit = parseEdit(spec, fields);
      if (!edit.ok) return editCard(caseId, spec, { text: edit.problems.join('\n'), tone: 'attention' }, fields);
      if (Object.keys(edit.patch).length === 0) return renderCard(card, { text: TEXT.noChange, tone: 'default' });
      const result = await deps.app.workflow.act(actor, caseId, { type: 'edit_spec', patch: edit.patch });
      if (result.outcome !== 'done') return result.message;
      const updated = await deps.app.workflow.approvalCard(actor, caseId);
      return updated ? answer({ ...result, card: updated }) : result.message;
    }
    case 'approve_shortlist': {
      const candidateIds = data.data[PICK_CANDIDATES] ?? [];
      return answer(await deps.app.workflow.act(actor, caseId, { type: 'approve_shortlist', candidateIds }), SHORTLIST);
    }
    case 'confirm_meeting': {
      const candidateId = data.data.candidateId;
      if (!candidateId) return TEXT.unreadable;
      return answer(await deps.app.workflow.act(actor, caseId, { type: 'confirm_meeting', candidateId }), meetingWith(candidateId));
    }
    case 'record_hire': {
      const candidateId = data.data.candidateId;
      if (!candidateId) return TEXT.unreadable;
      return answer(await deps.app.workflow.act(actor, caseId, { type: 'record_hire', candidateId }), meetingWith(candidateId));
    }
    case EDIT_VERBS.cancel: {
      const card = await deps.app.workflow.approvalCard(actor, caseId);
      return card ? renderCard(card) : noCardFor();
    }
    default:
      deps.log.debug({ verb: action.verb }, 'Teams card action with a verb this adapter does not handle');
      return TEXT.unsupported;
  }
}


import { mayAccess, type CaseScope } from '../../../src/core/members/access.js';
import { UNREGISTERED } from '../../../src/core/members/case-desk.js';
import { MEMBER_VERBS, type MemberVerb } from '../../../src/core/notify/case-card.js';
import type { MemberRecord } from '../../../src/core/workflow/ports.js';
import { slackActor, tellMember, type HandlerOutcome, type SlackDeps } from '../deps.js';
import { askOwnerModal, checkInModal, closeCaseModal, editDraftModal, handOverModal, type ModalContext } from '../modals.js';
import { parseCaseValue, type BlockAction } from '../payloads.js';

// A button on a case card or a thread message. "Take", "send for approval" and "record the
// hire" act at once; the others open a
// modal, which must happen within 3 seconds of the click, while the trigger_id is valid
// (https://docs.slack.dev/surfaces/modals#opening_modals). The answer to the member is an
// ephemeral message; the case's thread shows everyone what changed.

type ModalVerb = 'ask_owner' | 'edit_draft' | 'hand_over' | 'check_in' | 'close_case';

type Access = { ok: true; member: MemberRecord; scope: CaseScope } | { ok: false; message: string };

/** Checked before a modal opens, so nobody fills in a form only to be refused. */
async function access(d: SlackDeps, user: string, caseId: string): Promise<Access> {
  const member = await d.app.workflowStore.findMember(slackActor(user));
  if (!member) return { ok: false, message: UNREGISTERED };
  const scope = await d.app.workflowStore.caseScope(caseId);
  if (!scope) return { ok: false, message: `案件 ${caseId} は見つかりません。` };
  if (!mayAccess(member, scope)) return { ok: false, message: 'この案件を扱う権限がありません。' };
  return { ok: true, member, scope };
}

async function openModal(d: SlackDeps, a: BlockAction, verb: ModalVerb, caseId: string): Promise<void> {
  const allowed = await access(d, a.user, caseId);
  if (!allowed.ok) return tellMember(d, a.user, a.channelId, allowed.message);
  const ctx: ModalContext = { caseId, channelId: a.channelId };
  let view;
  if (verb === 'ask_owner') view = askOwnerModal(ctx);
  else if (verb === 'check_in') view = checkInModal(ctx);
  else if (verb === 'close_case') view = closeCaseModal(ctx);
  else if (verb === 'edit_draft') {
    const stored = await d.app.store.getCase(caseId);
    if (!stored) return tellMember(d, a.user, a.channelId, `案件 ${caseId} は見つかりません。`);
    view = editDraftModal(ctx, stored.fields.step2.spec);
  } else {
    const others = (await d.app.workflowStore.listOrganisations()).filter((o) => o.id !== allowed.scope.organisationId);
    if (!others.length) return tellMember(d, a.user, a.channelId, '引き継ぎ先の機関が登録されていません。管理者に `bansou org add` での登録を依頼してください。');
    view = handOverModal(ctx, others);
  }
  await d.web.views.open({ trigger_id: a.triggerId, view });
}

export async function onBlockAction(d: SlackDeps, a: BlockAction): Promise<HandlerOutcome> {
  const verb = (MEMBER_VERBS as readonly string[]).includes(a.actionId) ? (a.actionId as MemberVerb) : null;
  const target = parseCaseValue(a.value);
  if (!verb || !target) {
    d.log.debug({ actionId: a.actionId }, 'ignored a Slack action that is not a case verb');
    return 'rejected';
  }
  const { caseId, candidateId } = target;
  const actor = slackActor(a.user);
  switch (verb) {
    case 'take_case': {
      const r = await d.app.workflow.act(actor, caseId, { type: 'take' });
      await tellMember(d, a.user, a.channelId, r.message);
      return 'processed';
    }
    case 'send_for_approval': {
      const r = await d.app.workflow.act(actor, caseId, { type: 'send_for_approval', comment: null });
      await tellMember(d, a.user, a.channelId, r.message);
      return 'processed';
    }
    case 'record_hire': {
      if (!candidateId) return 'rejected';
      const r = await d.app.workflow.act(actor, caseId, { type: 'record_hire', candidateId });
      await tellMember(d, a.user, a.channelId, r.message);
      return 'processed';
    }
    case 'ask_owner':
    case 'edit_draft':
    case 'hand_over':
    case 'check_in':
    case 'close_case':
      await openModal(d, a, verb, caseId);
      return 'processed';
    default:
      // Approving a spec or a shortlist and confirming a meeting belong to the coordinators' cards in Teams.
      await tellMember(d, a.user, a.channelId, 'この操作はコーディネーター用の承認カード（Teams）から行ってください。');
      return 'rejected';
  }
}

import type { Logger } from 'pino';
import type { JobSpec } from '../case-sheet.js';
import type { IntakeContent } from '../intake/content.js';
import { specCard, step1Summary } from '../intake/present.js';
import { approvalCard } from '../notify/case-card.js';
import { planNotices, type CaseNotice } from '../notify/notices.js';
import { mayAccess } from '../members/access.js';
import type { CardReply } from '../replies.js';
import { ShortlistError, type ShortlistService } from '../matching/shortlist.js';
import { toCaseSheet } from '../sheet.js';
import type { CaseTransaction, MemberIdentityRef, MemberRecord, OrganisationRecord, WorkflowStore } from './ports.js';
import { allowed, TRANSITIONS, type TransitionName } from './transitions.js';
import { DEFAULT_FOLLOW_UP_DAYS } from '../follow-up/plan.js';
import { introductionActions } from './introduction-actions.js';

// What advisors and coordinators do to a case, from any channel. Every attempt is audited,
// refusals included; a repeated decision changes nothing and says so.

export type MemberAction =
  | { type: 'take' }
  | { type: 'ask_owner'; question: string }
  | { type: 'edit_spec'; patch: Partial<JobSpec> }
  | { type: 'hand_over'; to: string; note: string | null }
  | { type: 'send_for_approval'; comment: string | null }
  | { type: 'decide'; decision: 'approve' | 'return'; comment: string | null }
  | { type: 'comment'; text: string }
  | { type: 'approve_shortlist'; candidateIds: string[] }
  | { type: 'confirm_meeting'; candidateId: string }
  | { type: 'record_hire'; candidateId: string; daysPerWeek?: number }
  | { type: 'check_in'; note: string | null }
  | { type: 'close'; reason: string };

export interface ActionResult {
  outcome: 'done' | 'unchanged' | 'refused' | 'not_found';
  message: string;
  /** For the coordinator's card: the card acted on (approval, shortlist, meeting) as it now stands. */
  card?: CardReply;
}

export interface WorkflowDeps {
  store: WorkflowStore;
  content: IntakeContent;
  enabled: ReadonlySet<string>;
  log: Logger;
  /** Called after a commit that queued messages, so the dispatcher sends them now. */
  onQueued?: () => void;
  /** When given, an approved spec is matched at once and the shortlist goes to the coordinators. */
  shortlists?: Pick<ShortlistService, 'shortlistForCase'>;
  /** Days after a hire when the owner is checked in with (FOLLOW_UP_DAYS). */
  followUpDays?: readonly number[];
  now?: () => Date;
  /** Called after a hire's commit, so the job queue is given its check-ins now. */
  onFollowUpsPlanned?: () => void;
}

const refused = (message: string): ActionResult => ({ outcome: 'refused', message });
const SHORTLIST_SIZE = 10;


export function createWorkflow(deps: WorkflowDeps) {
  async function notify(tx: CaseTransaction, notice: CaseNotice): Promise<void> {
    const targets = await tx.noticeTargets(deps.enabled);
    await tx.enqueue(planNotices(deps.content, notice, targets));
  }

  const now = deps.now ?? (() => new Date());
  const step3 = introductionActions({ notify, transition, now, followUpDays: deps.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS });

  async function currentApprovalCard(tx: CaseTransaction): Promise<CardReply> {
    const c = tx.case;
    const sheet = toCaseSheet(c.id, c.status, c.fields, c.dialogue.settled);
    const decided = await tx.lastDecision();
    return approvalCard(sheet, step1Summary(deps.content, c.fields), specCard(deps.content, c.fields), await tx.comments(), decided ?? undefined);
  }

  async function transition(tx: CaseTransaction, member: MemberRecord, name: TransitionName, channel: string, detail?: Record<string, unknown>): Promise<boolean> {
    const from = tx.case.status;
    if (!allowed(name, from, member.role)) return false;
    const to = TRANSITIONS[name].to;
    if (from === to) return true;
    await tx.setStatus(to);
    await tx.audit({ caseId: tx.case.id, actorType: member.role, actorId: member.id, channel, action: 'status_changed', fromStatus: from, toStatus: to, ...(detail ? { detail } : {}) });
    tx.case.status = to;
    return true;
  }

  async function decide(tx: CaseTransaction, m: MemberRecord, channel: string, a: Extract<MemberAction, { type: 'decide' }>): Promise<ActionResult> {
    if (m.role !== 'coordinator' || !m.hub) return refused('承認できるのは、ネットワークに登録されたコーディネーターだけです。');
    const previous = await tx.lastDecision();
    if (tx.case.status === 'approved' || tx.case.status === 'returned') {
      const who = previous ? `${previous.by} さんが` : '';
      return { outcome: 'unchanged', message: `この案件はすでに${who}判断済みです。`, card: await currentApprovalCard(tx) };
    }
    const name = a.decision === 'approve' ? 'approve' : 'return';
    if (a.decision === 'return' && !a.comment) return refused('差し戻すときは、理由をコメントでお書きください。');
    if (!(await transition(tx, m, name, channel, { comment: a.comment }))) {
      return refused(`いまの状況（${tx.case.status}）では、この案件を${a.decision === 'approve' ? '承認' : '差し戻し'}できません。`);
    }
    if (a.comment) await tx.addComment(m.id, channel, `差し戻し理由：${a.comment}`);
    await tx.audit({ caseId: tx.case.id, actorType: 'coordinator', actorId: m.id, channel, action: a.decision === 'approve' ? 'spec_approved' : 'spec_returned', detail: { comment: a.comment } });
    await notify(tx, { type: 'decided', decision: a.decision === 'approve' ? 'approved' : 'returned', by: m.displayName, deciderId: m.id, at: new Date(), comment: a.comment });
    return { outcome: 'done', message: a.decision === 'approve' ? '承認しました。' : '差し戻しました。', card: await currentApprovalCard(tx) };
  }

  /** Read before the case transaction: on the embedded database its one connection is the transaction's. */
  interface Prefetched {
    handOverTo: OrganisationRecord | null;
  }

  async function perform(tx: CaseTransaction, m: MemberRecord, channel: string, a: MemberAction, pre: Prefetched): Promise<ActionResult> {
    const id = tx.case.id;
    switch (a.type) {
      case 'take':
        if (tx.case.assigneeId === m.id) return { outcome: 'unchanged', message: 'すでに担当しています。' };
        await tx.setAssignee(m.id);
        await notify(tx, { type: 'taken', by: m.displayName });
        return { outcome: 'done', message: `案件 ${id} の担当になりました。` };
      case 'ask_owner':
        await notify(tx, { type: 'asked_owner', by: m.displayName, question: a.question });
        return { outcome: 'done', message: '経営者に質問を送りました。返信はこのスレッドに届きます。' };
      case 'edit_spec': {
        const spec = tx.case.fields.step2.spec;
        const next = { ...spec, ...a.patch, location: { ...spec.location, ...(a.patch.location ?? {}) } };
        await tx.saveSpec(next, m.role, m.id);
        tx.case.fields.step2.spec = next;
        await notify(tx, { type: 'spec_edited', by: m.displayName });
        return { outcome: 'done', message: '求人の下書きを更新しました。' };
      }
      case 'hand_over': {
        const org = pre.handOverTo;
        if (!org) return refused(`引き継ぎ先「${a.to}」が見つかりません。`);
        if (org.id === tx.case.organisationId) return { outcome: 'unchanged', message: `すでに ${org.name} の案件です。` };
        await tx.moveTo(org.id, m.id);
        await notify(tx, { type: 'handed_over', by: m.displayName, to: org.name, toChannelId: org.slackChannelId, note: a.note });
        return { outcome: 'done', message: `${org.name} に引き継ぎました。` };
      }
      case 'send_for_approval':
        if (a.comment) await tx.addComment(m.id, channel, a.comment);
        if (!(await transition(tx, m, 'send_for_approval', channel))) {
          return refused(tx.case.status === 'in_review' ? 'すでに承認を依頼しています。' : '経営者が求人の下書きを確認してから、承認を依頼できます。');
        }
        await notify(tx, { type: 'sent_for_approval', by: m.displayName, comment: a.comment });
        return { outcome: 'done', message: 'コーディネーターに承認を依頼しました。' };
      case 'decide':
        return decide(tx, m, channel, a);
      case 'comment':
        await tx.addComment(m.id, channel, a.text);
        return { outcome: 'done', message: 'コメントを記録しました。' };
      case 'approve_shortlist':
      case 'confirm_meeting':
      case 'record_hire':
      case 'check_in':
      case 'close':
        return step3.perform(tx, m, channel, a);
    }
  }

  /**
   * After approval the core asks matching for a shortlist (outside the case transaction: the
   * ranking reads the pool on the top-level client) and sends it, anonymised, to coordinators.
   * A failure here never undoes the approval; the advisor can ask for 候補 again.
   */
  async function offerShortlist(caseId: string): Promise<void> {
    if (!deps.shortlists) return;
    let notice: Extract<CaseNotice, { type: 'shortlist_ready' }>;
    try {
      const list = await deps.shortlists.shortlistForCase(caseId, SHORTLIST_SIZE);
      notice = { type: 'shortlist_ready', proposals: list.proposals, poolSize: list.poolSize, problem: null };
    } catch (err) {
      if (!(err instanceof ShortlistError)) {
        deps.log.error({ err, caseId }, 'shortlist after approval failed');
        return;
      }
      notice = { type: 'shortlist_ready', proposals: [], poolSize: 0, problem: err.message };
    }
    await deps.store.withCase(caseId, (tx) => notify(tx, notice));
  }

  return {
    /**
     * The approval card as it now stands, for a registered member who may see the case; null
     * otherwise. Read-only: for a channel that redraws the card (Teams after an edit).
     */
    async approvalCard(actor: MemberIdentityRef, caseId: string): Promise<CardReply | null> {
      const member = await deps.store.findMember(actor);
      if (!member) return null;
      return deps.store.withCase(caseId, async (tx) => (mayAccess(member, tx.case) ? currentApprovalCard(tx) : null));
    },

    async act(actor: MemberIdentityRef, caseId: string, action: MemberAction): Promise<ActionResult> {
      const member = await deps.store.findMember(actor);
      const pre: Prefetched = { handOverTo: action.type === 'hand_over' ? await deps.store.findOrganisation(action.to) : null };
      let queued = false;
      const result = await deps.store.withCase(caseId, async (tx) => {
        const audit = { caseId, channel: actor.channel, detail: { action: action.type } };
        if (!member || !mayAccess(member, tx.case)) {
          await tx.audit({ ...audit, actorType: member?.role ?? 'system', actorId: member?.id ?? `${actor.channel}:${actor.externalId}`, action: `refused_${action.type}` });
          return refused(member ? 'この案件を扱う権限がありません。' : 'bansou に登録されていないアカウントです。所属機関の管理者に登録を依頼してください。');
        }
        const r = await perform(tx, member, actor.channel, action, pre);
        await tx.audit({ ...audit, actorType: member.role, actorId: member.id, action: r.outcome === 'refused' ? `refused_${action.type}` : action.type, detail: { outcome: r.outcome } });
        queued = r.outcome === 'done';
        return r;
      });
      if (queued && action.type === 'decide' && action.decision === 'approve') await offerShortlist(caseId);
      if (queued && action.type === 'record_hire') deps.onFollowUpsPlanned?.();
      if (queued) deps.onQueued?.();
      if (!result) return { outcome: 'not_found', message: `案件 ${caseId} は見つかりません。` };
      if (result.outcome === 'refused') deps.log.info({ caseId, actor, action: action.type }, 'member action refused');
      return result;
    },
  };
}

export type Workflow = ReturnType<typeof createWorkflow>;

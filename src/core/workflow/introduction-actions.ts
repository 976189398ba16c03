import type { CaseNotice } from '../notify/notices.js';
import type { ActionResult, MemberAction } from './member-actions.js';
import type { CaseTransaction, MemberRecord } from './ports.js';
import { allowed, type TransitionName } from './transitions.js';
import { contactLines, introduced, INTRODUCTIONS, letterOf, profileCard } from './introductions.js';
import { CASE_STATUS_LABELS } from '../vocab.js';
import { planCheckIns } from '../follow-up/plan.js';
import { currentMeetingCard, currentShortlistCard } from './introduction-cards-now.js';

// STEP 3 actions: the coordinator chooses whom to introduce, confirms a meeting (the one
// place personal data leaves the candidate store), a hire is recorded, check-ins and closing.

type Step3Action = Extract<MemberAction, { type: 'approve_shortlist' | 'confirm_meeting' | 'record_hire' | 'check_in' | 'close' }>;

export interface Step3Deps {
  notify(tx: CaseTransaction, notice: CaseNotice): Promise<void>;
  transition(tx: CaseTransaction, m: MemberRecord, name: TransitionName, channel: string, detail?: Record<string, unknown>): Promise<boolean>;
  /** Days after a hire when the owner is checked in with (FOLLOW_UP_DAYS). */
  followUpDays: readonly number[];
  now(): Date;
}

const refused = (message: string): ActionResult => ({ outcome: 'refused', message });
const { min: MIN_INTRODUCTIONS, max: MAX_INTRODUCTIONS } = INTRODUCTIONS;

/** The refusal for an action the lifecycle does not allow now, naming the status in words. */
function notNow(tx: CaseTransaction, what: string): ActionResult {
  return refused(`いまの状況（${CASE_STATUS_LABELS[tx.case.status]}）では、${what}ことはできません。`);
}

export function introductionActions(deps: Step3Deps) {
  async function approveShortlist(tx: CaseTransaction, m: MemberRecord, channel: string, ids: string[]): Promise<ActionResult> {
    if (m.role !== 'coordinator' || !m.hub) return refused('紹介する候補者を決められるのは、ネットワークのコーディネーターだけです。');
    if (!allowed('approve_shortlist', tx.case.status, m.role)) {
      if (tx.case.status !== 'matching') return notNow(tx, '紹介する候補者を決める');
      return { outcome: 'unchanged', message: 'この案件の紹介候補はすでに決まっています。', card: await currentShortlistCard(tx) };
    }
    const unique = [...new Set(ids)];
    if (unique.length < MIN_INTRODUCTIONS || unique.length > MAX_INTRODUCTIONS) return refused(`紹介する候補者は ${MIN_INTRODUCTIONS}〜${MAX_INTRODUCTIONS} 名お選びください。`);
    const entries = await tx.candidates.loadShortlist(tx.case.id);
    const unknown = unique.filter((id) => !entries.some((e) => e.candidateId === id && e.state === 'proposed'));
    if (unknown.length) return refused(`候補リストにない方が含まれています：${unknown.join('、')}。先に候補を表示してからお選びください。`);
    for (const id of unique) await tx.candidates.setShortlistState(tx.case.id, id, 'approved');
    await deps.transition(tx, m, 'approve_shortlist', channel, { candidateIds: unique });
    await tx.audit({ caseId: tx.case.id, actorType: m.role, actorId: m.id, channel, action: 'shortlist_approved', detail: { candidateIds: unique } });
    const after = await tx.candidates.loadShortlist(tx.case.id);
    const profiles = await tx.candidates.profiles(unique);
    const cards = introduced(after).flatMap((e) => {
      const p = profiles.get(e.candidateId);
      return p ? [profileCard(letterOf(after, e.candidateId), p, e)] : [];
    });
    await deps.notify(tx, { type: 'shortlist_approved', by: m.displayName, deciderId: m.id, profiles: cards });
    return { outcome: 'done', message: `${unique.length} 名の紹介を決めました。経営者に氏名を伏せたプロフィールを送りました。`, card: await currentShortlistCard(tx) };
  }

  async function confirmMeeting(tx: CaseTransaction, m: MemberRecord, channel: string, candidateId: string): Promise<ActionResult> {
    if (m.role !== 'coordinator' || !m.hub) return refused('面談を確定できるのは、ネットワークのコーディネーターだけです。');
    if (!allowed('confirm_meeting', tx.case.status, m.role)) return notNow(tx, '面談を確定する');
    if (await tx.audited('meeting_confirmed', candidateId)) {
      return { outcome: 'unchanged', message: 'この方との面談はすでに確定しています。', card: await currentMeetingCard(tx, candidateId) };
    }
    if (!(await tx.audited('owner_interest', candidateId))) return refused('経営者がこの方の話を聞きたいと答えてから、面談を確定できます。');
    const entries = await tx.candidates.loadShortlist(tx.case.id);
    const letter = letterOf(entries, candidateId);
    // The only read of personal data on the introduction path; audited with who received it.
    const contact = (await tx.candidates.contactsFor([candidateId])).get(candidateId);
    if (!contact) return refused(`候補者 ${candidateId} の連絡先が登録されていません。`);
    await deps.transition(tx, m, 'confirm_meeting', channel, { candidateId });
    await tx.audit({ caseId: tx.case.id, actorType: m.role, actorId: m.id, channel, action: 'meeting_confirmed', detail: { candidateId } });
    await tx.audit({
      caseId: tx.case.id, actorType: m.role, actorId: m.id, channel, action: 'personal_data_released',
      detail: { candidateId, fields: ['name', 'email'], to: ['advisor_slack_thread', 'owner'], ownerId: tx.case.ownerId },
    });
    await deps.notify(tx, { type: 'meeting_confirmed', by: m.displayName, letter, candidateId, contact: contactLines(letter, contact) });
    return { outcome: 'done', message: `候補${letter}との面談を確定しました。連絡先を担当支援者と経営者にお知らせしました。`, card: await currentMeetingCard(tx, candidateId) };
  }

  async function recordHire(tx: CaseTransaction, m: MemberRecord, channel: string, candidateId: string, days?: number): Promise<ActionResult> {
    if (await tx.audited('hire_recorded', candidateId)) {
      return { outcome: 'unchanged', message: 'この方の採用・契約はすでに記録されています。', card: await currentMeetingCard(tx, candidateId) };
    }
    if (!allowed('record_hire', tx.case.status, m.role)) return notNow(tx, '採用・契約を記録する');
    if (!(await tx.audited('meeting_confirmed', candidateId))) return refused('面談が確定した方についてだけ、採用・契約を記録できます。');
    const profile = (await tx.candidates.profiles([candidateId])).get(candidateId);
    const daysPerWeek = days ?? profile?.daysPerWeek ?? 1;
    const commitmentId = await tx.candidates.addCommitment({ candidateId, caseId: tx.case.id, daysPerWeek, kind: 'engagement' });
    await deps.transition(tx, m, 'record_hire', channel, { candidateId });
    // Written with the hire, so the check-ins exist even if the process stops before the job
    // queue is given them (it is, at the next start).
    const checkIns = planCheckIns(tx.case.id, deps.now(), deps.followUpDays);
    await tx.followUps.plan(tx.case.id, checkIns);
    await tx.audit({ caseId: tx.case.id, actorType: m.role, actorId: m.id, channel, action: 'hire_recorded', detail: { candidateId, commitmentId, daysPerWeek, checkInDays: deps.followUpDays } });
    const letter = letterOf(await tx.candidates.loadShortlist(tx.case.id), candidateId);
    await deps.notify(tx, { type: 'hired', by: m.displayName, letter, checkInDays: [...deps.followUpDays] });
    return { outcome: 'done', message: `候補${letter}の採用・契約を記録しました。`, card: await currentMeetingCard(tx, candidateId) };
  }

  async function checkIn(tx: CaseTransaction, m: MemberRecord, channel: string, note: string | null): Promise<ActionResult> {
    if (!(await deps.transition(tx, m, 'check_in', channel))) return notNow(tx, 'フォローアップを記録する');
    await tx.audit({ caseId: tx.case.id, actorType: m.role, actorId: m.id, channel, action: 'follow_up_done', detail: { note } });
    await deps.notify(tx, { type: 'checked_in', by: m.displayName, note });
    return { outcome: 'done', message: 'フォローアップを記録しました。' };
  }

  async function close(tx: CaseTransaction, m: MemberRecord, channel: string, reason: string): Promise<ActionResult> {
    if (!reason.trim()) return refused('案件を終了するときは、理由をお書きください。');
    if (tx.case.status === 'closed') return { outcome: 'unchanged', message: 'この案件はすでに終了しています。' };
    if (!(await deps.transition(tx, m, 'close', channel, { reason }))) return notNow(tx, '案件を終了する');
    await deps.notify(tx, { type: 'closed', by: m.displayName, reason });
    return { outcome: 'done', message: '案件を終了しました。' };
  }

  return {
    perform(tx: CaseTransaction, m: MemberRecord, channel: string, a: Step3Action): Promise<ActionResult> {
      switch (a.type) {
        case 'approve_shortlist': return approveShortlist(tx, m, channel, a.candidateIds);
        case 'confirm_meeting': return confirmMeeting(tx, m, channel, a.candidateId);
        case 'record_hire': return recordHire(tx, m, channel, a.candidateId, a.daysPerWeek);
        case 'check_in': return checkIn(tx, m, channel, a.note);
        case 'close': return close(tx, m, channel, a.reason);
      }
    },
  };
}

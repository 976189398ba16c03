import type { Logger } from 'pino';
import type { IntakeContent } from '../intake/content.js';
import { planNotices, type CaseNotice } from '../notify/notices.js';
import type { CaseTransaction, WorkflowStore } from '../workflow/ports.js';
import { allowed } from '../workflow/transitions.js';
import { checkInQuestion } from './check-in.js';
import type { CheckInContent } from './content.js';

// A check-in falling due, run by the job queue as the system: the owner is asked on their
// messenger and the advisor's thread is told. The follow-up row decides, inside the case's
// transaction, whether this delivery is the first: a job delivered twice (a retry after a
// crash, two servers) asks once. A case closed meanwhile is skipped.

export type CheckInOutcome = 'asked' | 'already' | 'skipped' | 'not_planned';

export interface CheckInRunnerDeps {
  store: WorkflowStore;
  content: IntakeContent;
  checkIn: CheckInContent;
  enabled: ReadonlySet<string>;
  log: Logger;
  now?: () => Date;
  onQueued?: () => void;
}

export function createCheckInRunner(deps: CheckInRunnerDeps) {
  const now = deps.now ?? (() => new Date());

  async function notify(tx: CaseTransaction, notice: CaseNotice): Promise<void> {
    await tx.enqueue(planNotices(deps.content, notice, await tx.noticeTargets(deps.enabled)));
  }

  async function ask(tx: CaseTransaction, day: number): Promise<CheckInOutcome> {
    const caseId = tx.case.id;
    const system = { caseId, actorType: 'system' as const, actorId: null, channel: 'scheduler' };
    const planned = await tx.followUps.get(caseId, day);
    if (!planned) return 'not_planned';
    if (planned.state !== 'scheduled') return 'already';
    const from = tx.case.status;
    if (!allowed('check_in', from, 'system')) {
      await tx.followUps.update(caseId, day, { state: 'skipped' });
      await tx.audit({ ...system, action: 'follow_up_skipped', detail: { day, status: from } });
      return 'skipped';
    }
    // An earlier check-in the owner never finished answering stays on record as unanswered.
    const earlier = await tx.followUps.awaitingAnswer(caseId);
    if (earlier) await tx.followUps.update(caseId, earlier.day, { state: 'unanswered' });
    if (from !== 'following_up') {
      await tx.setStatus('following_up');
      await tx.audit({ ...system, action: 'status_changed', fromStatus: from, toStatus: 'following_up', detail: { day } });
      tx.case.status = 'following_up';
    }
    await tx.followUps.update(caseId, day, { state: 'asked', askedAt: now() });
    await tx.audit({ ...system, action: 'follow_up_asked', detail: { day } });
    await notify(tx, { type: 'check_in_due', day, question: checkInQuestion(deps.checkIn, day), unansweredDay: earlier?.day ?? null });
    return 'asked';
  }

  return {
    async due(caseId: string, day: number): Promise<CheckInOutcome> {
      const outcome = (await deps.store.withCase(caseId, (tx) => ask(tx, day))) ?? 'not_planned';
      if (outcome === 'asked') deps.onQueued?.();
      deps.log.info({ caseId, day, outcome }, 'check-in due');
      return outcome;
    },
  };
}

export type CheckInRunner = ReturnType<typeof createCheckInRunner>;

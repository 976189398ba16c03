import type { CheckInJob } from './plan.js';

// What the follow-up needs from storage, on the caller's transaction.

export type FollowUpState = 'scheduled' | 'asked' | 'answered' | 'unanswered' | 'skipped';
export type Contribution = 'good' | 'concern' | 'talk' | 'unclear';
/** What the advisor is told: all is well, look at this now, or a new need came up. */
export type Signal = 'ok' | 'trouble' | 'new_need';

export interface FollowUpRecord {
  caseId: string;
  day: number;
  dueAt: Date;
  state: FollowUpState;
  askedAt: Date | null;
  contribution: Contribution | null;
  ownerWords: string | null;
  newIssue: string | null;
  signal: Signal | null;
}

export type FollowUpPatch = Partial<Pick<FollowUpRecord, 'state' | 'askedAt' | 'contribution' | 'ownerWords' | 'newIssue' | 'signal'>> & {
  answeredAt?: Date;
};

/** A case's check-ins, read and written on the transaction that holds the case or its owner. */
export interface CaseFollowUps {
  /** Writes the planned check-ins; days already planned for the case are left as they are. */
  plan(caseId: string, checkIns: readonly CheckInJob[]): Promise<void>;
  get(caseId: string, day: number): Promise<FollowUpRecord | null>;
  list(caseId: string): Promise<FollowUpRecord[]>;
  /** The check-in the owner was asked and has not finished answering, if any. */
  awaitingAnswer(caseId: string): Promise<FollowUpRecord | null>;
  update(caseId: string, day: number, patch: FollowUpPatch): Promise<void>;
}

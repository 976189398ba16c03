import type { JobSpec } from '../case-sheet.js';
import type { AuditInput, StoredCase } from '../conversation/ports.js';
import type { NoticeTargets } from '../notify/notices.js';
import type { Decision } from '../notify/case-card.js';
import type { OutboundMessage } from '../outbox/types.js';
import type { CaseSummaryRow } from '../conversation/ports.js';
import type { CaseScope } from '../members/access.js';
import type { CaseStatus } from '../vocab.js';
import type { CaseCandidates } from '../matching/ports.js';
import type { CaseFollowUps } from '../follow-up/ports.js';

/** A free-text search: words to find, and industry codes whose label matched the words. */
export interface CaseQuery {
  text: string;
  industries: string[];
}

export interface MemberIdentityRef {
  channel: string;
  externalId: string;
}

export interface MemberRecord {
  id: string;
  displayName: string;
  role: 'advisor' | 'coordinator';
  organisationId: string;
  organisationName: string;
  hub: boolean;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  slackChannelId: string | null;
}

export interface CaseAccess extends StoredCase {
  organisationId: string | null;
  assigneeId: string | null;
  sharedWith: string[];
}

export interface AuditedAct {
  /** The member's display name, or null for the system or someone no longer registered. */
  by: string | null;
  at: Date;
  detail: Record<string, unknown>;
}

/** Work on one case, in one transaction holding the case row. */
export interface CaseTransaction {
  case: CaseAccess;
  setStatus(to: CaseStatus): Promise<void>;
  setAssignee(memberId: string): Promise<void>;
  saveSpec(spec: JobSpec, source: string, memberId: string): Promise<void>;
  moveTo(organisationId: string, sharedBy: string): Promise<void>;
  addComment(memberId: string, channel: string, text: string): Promise<void>;
  comments(): Promise<string[]>;
  lastDecision(): Promise<Decision | null>;
  audit(event: AuditInput): Promise<void>;
  noticeTargets(enabled: ReadonlySet<string>): Promise<NoticeTargets>;
  enqueue(messages: OutboundMessage[]): Promise<void>;
  /** Shortlist, profiles and contacts on this transaction's connection. */
  candidates: CaseCandidates;
  /** Check-ins after a hire, planned and asked on this transaction's connection. */
  followUps: CaseFollowUps;
  /** Whether an audit row of this action names this candidate (e.g. the owner's interest). */
  audited(action: string, candidateId: string): Promise<boolean>;
  /** The latest audit row of this action (naming this candidate, when given): who, when, and its detail. */
  lastAudit(action: string, candidateId?: string): Promise<AuditedAct | null>;
}

export interface WorkflowStore {
  findMember(identity: MemberIdentityRef): Promise<MemberRecord | null>;
  findOrganisation(idOrName: string): Promise<OrganisationRecord | null>;
  listOrganisations(): Promise<OrganisationRecord[]>;
  /** Null when the case does not exist. */
  withCase<T>(caseId: string, work: (tx: CaseTransaction) => Promise<T>): Promise<T | null>;
  /**
   * Cases an organisation holds or handed on (null: every case), newest activity first;
   * with `query`, only those whose id, company or spec title mentions it.
   */
  casesFor(organisationId: string | null, limit: number, query?: CaseQuery): Promise<CaseSummaryRow[]>;
  /** Which organisations a case belongs to, to check a member may see it; null if none such. */
  caseScope(caseId: string): Promise<CaseScope | null>;
}

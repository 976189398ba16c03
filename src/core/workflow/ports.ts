import type { JobSpec } from '../case-sheet.js';
import type { AuditInput, StoredCase } from '../conversation/ports.js';
import type { NoticeTargets } from '../notify/notices.js';
import type { Decision } from '../notify/case-card.js';
import type { OutboundMessage } from '../outbox/types.js';
import type { CaseStatus } from '../vocab.js';

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

/** Work on one case, in one transaction holding the case row. */
export interface CaseTransaction {
  case: CaseAccess;
  setStatus(to: CaseStatus): Promise<void>;
  setAssignee(memberId: string): Promise<void>;
  saveSpec(spec: JobSpec, source: string, memberId: string): Promise<void>;
  moveTo(organisationId: string, sharedBy: string): Promise<void>;
  /** Inside the transaction: the embedded database has a single connection. */
  findOrganisation(idOrName: string): Promise<OrganisationRecord | null>;
  addComment(memberId: string, channel: string, text: string): Promise<void>;
  comments(): Promise<string[]>;
  lastDecision(): Promise<Decision | null>;
  audit(event: AuditInput): Promise<void>;
  noticeTargets(enabled: ReadonlySet<string>): Promise<NoticeTargets>;
  enqueue(messages: OutboundMessage[]): Promise<void>;
}

export interface WorkflowStore {
  findMember(identity: MemberIdentityRef): Promise<MemberRecord | null>;
  findOrganisation(idOrName: string): Promise<OrganisationRecord | null>;
  listOrganisations(): Promise<OrganisationRecord[]>;
  /** Null when the case does not exist. */
  withCase<T>(caseId: string, work: (tx: CaseTransaction) => Promise<T>): Promise<T | null>;
  /** Cases an organisation holds or was handed, newest activity first. */
  casesFor(organisationId: string | null, limit: number): Promise<{ id: string; status: CaseStatus; companyName: string | null; industry: string | null; prefecture: string | null; updatedAt: Date }[]>;
}

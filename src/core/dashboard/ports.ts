import type { CaseStatus, Skill } from '../vocab.js';

// What the coordinators' dashboard reads: the facts of the cases a network may see. The
// aggregations (aggregate.ts) are pure functions over these records.

/** A network's cases: those its organisations hold or were handed. Null is the default network. */
export interface DashboardScope {
  networkId: string | null;
}

export interface CaseFacts {
  id: string;
  status: CaseStatus;
  createdAt: Date;
  /** The latest of the case's own update and its last audit event. */
  lastActivityAt: Date;
  organisationId: string | null;
  organisationName: string | null;
  companyName: string | null;
  industry: string | null;
  prefecture: string | null;
  /** The distinct SKILL categories of its STEP 1 issues. */
  categories: Skill[];
}

export interface StatusChange {
  caseId: string;
  at: Date;
  from: CaseStatus | null;
  to: CaseStatus;
}

export interface NetworkOrganisation {
  id: string;
  name: string;
  isHub: boolean;
}

export interface DashboardData {
  organisations: NetworkOrganisation[];
  cases: CaseFacts[];
  changes: StatusChange[];
  /** Organisations of the network that were handed or shown a case. */
  sharedWith: string[];
  /** Advisors who did something (not refused) on the network's cases. */
  activeAdvisors: number;
}

export interface TimelineEntry {
  at: Date;
  action: string;
  actor: string | null;
  actorType: string;
  channel: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
}

export interface DashboardStore {
  load(scope: DashboardScope): Promise<DashboardData>;
  /** Whether the case belongs to the scope's network (held by or handed to one of its organisations). */
  inScope(scope: DashboardScope, caseId: string): Promise<boolean>;
  timeline(caseId: string): Promise<TimelineEntry[]>;
}

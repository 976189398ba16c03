import type { CandidateRecord, CandidateStatus, PoolCandidate } from './candidate.js';
import type { MatchContext } from './query.js';

// What matching needs from storage. Implemented with Prisma in src/db; the core sees DTOs.
// Personal data has one way out, contactsFor, which the matching path never calls.

export const SHORTLIST_STATES = ['proposed', 'approved', 'declined', 'withdrawn'] as const;
export type ShortlistState = (typeof SHORTLIST_STATES)[number];

export interface ShortlistEntryInput {
  candidateId: string;
  rank: number;
  score: number;
  reasons: string[];
  gaps: string[];
}

export interface StoredShortlistEntry extends ShortlistEntryInput {
  caseId: string;
  state: ShortlistState;
  createdAt: Date;
  updatedAt: Date;
}

export interface CommitmentInput {
  candidateId: string;
  /** The case the days are promised to; null for work outside the network. */
  caseId: string | null;
  daysPerWeek: number;
  kind: 'engagement' | 'pending_introduction';
}

export interface CandidateContact {
  name: string;
  email: string | null;
}

export interface ImportProgress {
  done: number;
  total: number;
}

export interface CandidateStore {
  /**
   * Inserts new ids and updates known ones, all in one transaction: on any failure nothing
   * is written. A person's status (available, engaged, paused) is kept on update.
   */
  upsertMany(records: readonly CandidateRecord[], onProgress?: (p: ImportProgress) => void): Promise<{ created: number; updated: number }>;
  /** Every candidate as matching sees it, in id order: no name, e-mail or age. */
  loadPool(): Promise<PoolCandidate[]>;
  /** Changes whenever the pool changes (for caching an index built over it). */
  poolVersion(): Promise<string>;
  count(): Promise<number>;
  setStatus(candidateId: string, status: CandidateStatus): Promise<void>;
  /**
   * What matching must know beyond the pool for a case: days already promised (except to
   * this case), other open cases each person is proposed on, and people declined for it.
   */
  context(caseId: string | null): Promise<MatchContext>;
  addCommitment(commitment: CommitmentInput): Promise<string>;
  endCommitment(commitmentId: string): Promise<void>;
  /** Replaces the case's open proposals; decisions already taken (approved, declined) stay. */
  saveShortlist(caseId: string, entries: readonly ShortlistEntryInput[]): Promise<void>;
  loadShortlist(caseId: string): Promise<StoredShortlistEntry[]>;
  setShortlistState(caseId: string, candidateId: string, state: ShortlistState): Promise<void>;
  /** Personal data for introductions after approval (STEP 3). Never used to rank. */
  contactsFor(candidateIds: readonly string[]): Promise<Map<string, CandidateContact>>;
}

/** What an owner may see of a proposed person before a meeting: no name, age or contact. */
export interface AnonymousProfile {
  candidateId: string;
  kind: CandidateRecord['profile']['kind'];
  headline: string | null;
  summary: string | null;
  skillCategories: string[];
  daysPerWeek: number;
  remoteOk: boolean;
  prefecture: string;
}

/**
 * The candidate work of one case, bound to the case's transaction (the embedded database has
 * one connection, so nothing here may use the top-level client).
 */
export interface CaseCandidates {
  loadShortlist(caseId: string): Promise<StoredShortlistEntry[]>;
  setShortlistState(caseId: string, candidateId: string, state: ShortlistState): Promise<void>;
  profiles(candidateIds: readonly string[]): Promise<Map<string, AnonymousProfile>>;
  addCommitment(commitment: CommitmentInput): Promise<string>;
  /** Personal data: called only when a coordinator confirms a meeting, and audited there. */
  contactsFor(candidateIds: readonly string[]): Promise<Map<string, CandidateContact>>;
}

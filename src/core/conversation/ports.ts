import type { CaseFields } from '../case-sheet.js';
import type { DialogueState } from '../intake/state.js';
import type { Reply } from '../replies.js';
import type { LlmUsage } from '../llm/port.js';
import type { CaseStatus } from '../vocab.js';
import type { InboundMessage } from './inbound.js';
import type { NoticeTargets } from '../notify/notices.js';
import type { OutboundMessage } from '../outbox/types.js';
import type { CaseCandidates } from '../matching/ports.js';
import type { CaseFollowUps } from '../follow-up/ports.js';

// What the core needs from storage. Implemented with Prisma in src/db; the core only sees
// these DTOs.

export interface StoredCase {
  id: string;
  status: CaseStatus;
  ownerId: string;
  fields: CaseFields;
  dialogue: DialogueState;
  /** The last time the owner wrote on this case. */
  lastActivityAt: Date;
  createdAt: Date;
}

export interface OwnerRef {
  channel: string;
  externalId: string;
  displayName?: string | null;
}

export interface AuditInput {
  caseId: string | null;
  actorType: 'owner' | 'advisor' | 'coordinator' | 'system';
  actorId: string | null;
  channel: string | null;
  action: string;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  detail?: Record<string, unknown>;
}

export interface TurnSave {
  fields: CaseFields;
  dialogue: DialogueState;
  status: CaseStatus;
  /** Who wrote the spec change, if the spec changed: stored with its new version. */
  specSource: string;
}

export type InboundOutcome = 'processed' | 'rejected' | 'failed';

/** Work done for one owner, inside one transaction with that owner's row locked. */
export interface OwnerTransaction {
  ownerId: string;
  latestCase(): Promise<StoredCase | null>;
  createCase(fields: CaseFields, dialogue: DialogueState): Promise<StoredCase>;
  saveTurn(existing: StoredCase, next: TurnSave): Promise<void>;
  audit(event: AuditInput): Promise<void>;
  recordOutbound(caseId: string | null, channel: string, replies: Reply[]): Promise<void>;
  finishInbound(messageId: string, outcome: InboundOutcome, caseId: string | null): Promise<void>;
  /** False when another process already handled this message (a recovery racing a live turn). */
  stillPending(messageId: string): Promise<boolean>;
  noticeTargets(caseId: string, enabled: ReadonlySet<string>): Promise<NoticeTargets>;
  /** Queues platform messages; they commit (and are then sent) with the turn. */
  enqueue(messages: OutboundMessage[]): Promise<void>;
  /** The turn's LLM calls, against the case the turn worked on. */
  recordLlmCalls(caseId: string | null, calls: LlmUsage[]): Promise<void>;
  /** Shortlist work on this transaction's connection (the owner's answers to introductions). */
  candidates: CaseCandidates;
  /** Check-ins after a hire (the owner's answers to them). */
  followUps: CaseFollowUps;
  /** Whether an audit row of this action on the case names this candidate. */
  audited(caseId: string, action: string, candidateId: string): Promise<boolean>;
}

export interface LlmUsageTotals {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  totalLatencyMs: number;
  /** Calls whose answer was not used: the offline engine answered. */
  fallbacks: number;
}

/** A case's LLM accounting, for `bansou case show`. */
export interface LlmUsageSummary extends LlmUsageTotals {
  byTask: Record<string, LlmUsageTotals>;
  models: string[];
  promptVersions: string[];
}

export interface CaseSummaryRow {
  id: string;
  status: CaseStatus;
  companyName: string | null;
  industry: string | null;
  prefecture: string | null;
  updatedAt: Date;
}

export interface CaseStore {
  /** Stores the message before anything else happens; `duplicate` when already stored. */
  recordInbound(message: InboundMessage): Promise<{ messageId: string; duplicate: boolean }>;
  /** Marks a stored message outside any turn (refused input, or a turn that failed). */
  finishInbound(messageId: string, outcome: InboundOutcome, error?: string): Promise<void>;
  withOwner<T>(owner: OwnerRef, work: (tx: OwnerTransaction) => Promise<T>): Promise<T>;
  getCase(caseId: string): Promise<StoredCase | null>;
  /**
   * The owner's latest case, read without locking: the context an LLM reads a message in,
   * before the turn's transaction. The turn checks it is still current (`lastActivityAt`).
   */
  peekOwnerCase(owner: OwnerRef): Promise<StoredCase | null>;
  /** LLM calls made outside a turn's transaction (e.g. the turn then failed). */
  recordLlmCalls(caseId: string | null, calls: LlmUsage[]): Promise<void>;
  llmUsage(caseId: string): Promise<LlmUsageSummary>;
  listCases(limit: number): Promise<CaseSummaryRow[]>;
  /** Inbound messages of a channel stored but never processed (the process stopped between). */
  unprocessedInbound(channel: string, olderThanMs: number): Promise<{ messageId: string; message: InboundMessage }[]>;
  /** An owner who blocks the bot (LINE unfollow) is not messaged until they come back. */
  setOwnerActive(owner: OwnerRef, active: boolean): Promise<void>;
}

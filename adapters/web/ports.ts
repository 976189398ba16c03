import type { Reply } from '../../src/core/replies.js';

// What the web console needs from storage: accounts, sessions and the simulator's panes.
// Implemented with Prisma in ./store; the routes only see these records.

export interface AccountRecord {
  id: string;
  email: string;
  passwordHash: string;
  memberId: string;
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** Who is signed in, with what their member record lets them see. */
export interface Viewer {
  accountId: string;
  email: string;
  memberId: string;
  displayName: string;
  role: 'advisor' | 'coordinator';
  organisationId: string;
  organisationName: string;
  isHub: boolean;
  networkId: string | null;
}

export interface AccountStore {
  findByEmail(email: string): Promise<AccountRecord | null>;
  create(input: { email: string; passwordHash: string; memberId: string }): Promise<AccountRecord>;
  /** Sets the password of the account with this email, creating it for `memberId` if absent. */
  upsert(input: { email: string; passwordHash: string; memberId: string }): Promise<void>;
  /** Counts one more consecutive failure, atomically; returns the new count. */
  recordFailure(id: string): Promise<number>;
  lockUntil(id: string, until: Date): Promise<void>;
  recordSuccess(id: string, at: Date, rehashed: string | null): Promise<void>;
  viewer(accountId: string): Promise<Viewer | null>;
  memberExists(memberId: string): Promise<boolean>;
}

export interface SessionRecord {
  id: string;
  subject: string;
  csrfToken: string;
  accountId: string | null;
  signedInAt: Date | null;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionStore {
  create(session: SessionRecord, tokenHash: string): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  update(id: string, patch: Partial<SessionRecord> & { tokenHash?: string }): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
}

export type Pane = 'owner' | 'slack' | 'teams';

export interface PaneMessage {
  id: string;
  rev: string;
  pane: Pane;
  conversation: string;
  caseId: string | null;
  threadOf: string | null;
  root: boolean;
  author: 'bot' | 'user' | 'ephemeral';
  authorName: string | null;
  replies: Reply[];
  at: string;
}

export interface NewPaneMessage {
  pane: Pane;
  conversation: string;
  caseId?: string | null;
  threadOf?: string | null;
  author: PaneMessage['author'];
  authorName?: string | null;
  replies: Reply[];
  dedupeKey?: string | null;
}

/** What one browser sees: its own owner conversation, the simulated Slack, one Teams chat. */
export interface PaneView {
  owner: string;
  coordinatorId: string | null;
}

export interface PaneStore {
  /** False when `dedupeKey` was already stored (a redelivered outbox item). */
  append(message: NewPaneMessage): Promise<boolean>;
  /** A case's Slack root card: posted once, then replaced in place. */
  upsertRoot(caseId: string, channelId: string, replies: Reply[]): Promise<void>;
  rootChannel(caseId: string): Promise<string | null>;
  /** Replaces a stored message's replies (an approval card that now shows the decision). */
  replaceReplies(id: string, replies: Reply[]): Promise<void>;
  find(id: string): Promise<PaneMessage | null>;
  latestRev(view: PaneView): Promise<string>;
  list(view: PaneView, limit: number): Promise<PaneMessage[]>;
}

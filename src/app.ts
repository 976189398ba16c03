import { join } from 'node:path';
import type { Config } from './config/config.js';
import type { Logger } from './config/logger.js';
import { createOwnerConversation, type OwnerConversation } from './core/conversation/owner-conversation.js';
import type { CaseStore } from './core/conversation/ports.js';
import { offlineEngine } from './core/intake/offline.js';
import type { EngineDeps } from './core/intake/turn.js';
import type { OutboxStore } from './core/outbox/ports.js';
import { createWorkflow, type Workflow } from './core/workflow/member-actions.js';
import type { WorkflowStore } from './core/workflow/ports.js';
import { createLlmLayer, type LlmFactoryOptions, type LlmLayer } from './core/llm/factory.js';
import { openDatabase, type Database } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { createPrismaCandidateStore } from './db/prisma-candidate-store.js';
import { createPrismaCaseStore } from './db/prisma-case-store.js';
import { createPrismaOutboxStore } from './db/prisma-outbox-store.js';
import { createPrismaWorkflowStore } from './db/prisma-workflow-store.js';
import type { CandidateStore } from './core/matching/ports.js';
import { createShortlistService, type ShortlistService } from './core/matching/shortlist.js';
import { createCheckInRunner, type CheckInRunner } from './core/follow-up/check-in-runner.js';
import { loadCheckInContent } from './core/follow-up/content.js';

// Wires the core to its storage once; the CLI commands and the server share this.

export interface App {
  db: Database;
  store: CaseStore;
  workflowStore: WorkflowStore;
  outbox: OutboxStore;
  engine: EngineDeps;
  llm: LlmLayer;
  owners: OwnerConversation;
  workflow: Workflow;
  /** Channels whose adapter is configured: only these get notices queued. */
  enabledChannels: ReadonlySet<string>;
  candidates: CandidateStore;
  shortlists: ShortlistService;
  appliedMigrations: string[];
  /** The server sets this to wake the outbox dispatcher after a commit that queued messages. */
  onQueued: () => void;
  /** Scheduled check-ins after a hire, as the job queue runs them. */
  checkIns: CheckInRunner;
  /** The server sets this to give the job queue a hire's check-ins as soon as it commits. */
  onFollowUpsPlanned: () => void;
  /** The app's clock: when check-ins fall due is reckoned from it. */
  now: () => Date;
  close(): Promise<void>;
}

/**
 * Slack and Teams count as enabled when their adapter is configured or when the web console
 * simulates them (adapters/web); the simulator's owners write on the 'web' channel.
 */
export function enabledChannels(config: Config): Set<string> {
  const sim = config.simulator;
  return new Set([config.line && 'line', (config.slack || sim) && 'slack', (config.teams || sim) && 'teams', sim && 'web'].filter((c): c is string => Boolean(c)));
}

export interface OpenAppOptions {
  /** The embedded database's directory instead of <BANSOU_DATA_DIR>/pglite, e.g. 'memory://'. */
  embeddedDir?: string;
  llm?: LlmFactoryOptions;
  /** A clock of the caller's (tests that move time); the system clock otherwise. */
  now?: () => Date;
}

export async function openApp(config: Config, log: Logger, options: OpenAppOptions = {}): Promise<App> {
  const engine = offlineEngine();
  // Before the database: a broken LLM setting or prompt file stops the start at once.
  const llm = await createLlmLayer(config.llm, log, options.llm);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: options.embeddedDir ?? join(config.dataDir, 'pglite'), log });
  try {
    const appliedMigrations = await migrate(db.pool, undefined, log);
    const store = createPrismaCaseStore(db.prisma);
    const workflowStore = createPrismaWorkflowStore(db.prisma);
    const enabled = enabledChannels(config);
    const candidates = createPrismaCandidateStore(db.prisma);
    const shortlists = createShortlistService({ cases: store, candidates });
    const now = options.now ?? (() => new Date());
    const app: App = {
      db, store, workflowStore, engine, llm, enabledChannels: enabled, appliedMigrations, candidates,
      shortlists,
      outbox: createPrismaOutboxStore(db.prisma),
      onQueued: () => undefined,
      onFollowUpsPlanned: () => undefined,
      now,
      owners: createOwnerConversation({ store, engine, log, llm, resumeAfterMs: config.resumeAfterMs, enabled, now, onQueued: () => app.onQueued() }),
      workflow: createWorkflow({
        store: workflowStore, content: engine.content, enabled, log, shortlists, now, followUpDays: config.followUpDays,
        onQueued: () => app.onQueued(), onFollowUpsPlanned: () => app.onFollowUpsPlanned(),
      }),
      checkIns: createCheckInRunner({ store: workflowStore, content: engine.content, checkIn: loadCheckInContent(), enabled, log, now, onQueued: () => app.onQueued() }),
      close: () => db.close(),
    };
    return app;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

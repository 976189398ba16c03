import { join } from 'node:path';
import type { Config } from './config/config.js';
import type { Logger } from './config/logger.js';
import { createOwnerConversation, type OwnerConversation } from './core/conversation/owner-conversation.js';
import type { CaseStore } from './core/conversation/ports.js';
import { offlineEngine } from './core/intake/offline.js';
import type { EngineDeps } from './core/intake/turn.js';
import { openDatabase, type Database } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { createPrismaCandidateStore } from './db/prisma-candidate-store.js';
import { createPrismaCaseStore } from './db/prisma-case-store.js';
import type { CandidateStore } from './core/matching/ports.js';
import { createShortlistService, type ShortlistService } from './core/matching/shortlist.js';

// Wires the core to its storage once; the CLI commands and the server share this.

export interface App {
  db: Database;
  store: CaseStore;
  engine: EngineDeps;
  owners: OwnerConversation;
  candidates: CandidateStore;
  shortlists: ShortlistService;
  appliedMigrations: string[];
  close(): Promise<void>;
}

export async function openApp(config: Config, log: Logger): Promise<App> {
  const engine = offlineEngine();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), log });
  try {
    const appliedMigrations = await migrate(db.pool, undefined, log);
    const store = createPrismaCaseStore(db.prisma);
    const owners = createOwnerConversation({ store, engine, log, resumeAfterMs: config.resumeAfterMs });
    const candidates = createPrismaCandidateStore(db.prisma);
    const shortlists = createShortlistService({ cases: store, candidates });
    return { db, store, engine, owners, candidates, shortlists, appliedMigrations, close: () => db.close() };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

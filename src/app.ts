import { join } from 'node:path';
import type { Config } from './config/config.js';
import type { Logger } from './config/logger.js';
import { createOwnerConversation, type OwnerConversation } from './core/conversation/owner-conversation.js';
import type { CaseStore } from './core/conversation/ports.js';
import { offlineEngine } from './core/intake/offline.js';
import type { EngineDeps } from './core/intake/turn.js';
import { createLlmLayer, type LlmFactoryOptions, type LlmLayer } from './core/llm/factory.js';
import { openDatabase, type Database } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { createPrismaCaseStore } from './db/prisma-case-store.js';

// Wires the core to its storage once; the CLI commands and the server share this.

export interface App {
  db: Database;
  store: CaseStore;
  engine: EngineDeps;
  llm: LlmLayer;
  owners: OwnerConversation;
  appliedMigrations: string[];
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** The embedded database's directory instead of <BANSOU_DATA_DIR>/pglite, e.g. 'memory://'. */
  embeddedDir?: string;
  llm?: LlmFactoryOptions;
}

export async function openApp(config: Config, log: Logger, options: OpenAppOptions = {}): Promise<App> {
  const engine = offlineEngine();
  // Before the database: a broken LLM setting or prompt file stops the start at once.
  const llm = await createLlmLayer(config.llm, log, options.llm);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: options.embeddedDir ?? join(config.dataDir, 'pglite'), log });
  try {
    const appliedMigrations = await migrate(db.pool, undefined, log);
    const store = createPrismaCaseStore(db.prisma);
    const owners = createOwnerConversation({ store, engine, log, llm, resumeAfterMs: config.resumeAfterMs });
    return { db, store, engine, llm, owners, appliedMigrations, close: () => db.close() };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

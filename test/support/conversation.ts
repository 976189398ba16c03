import { pino } from 'pino';
import { createOwnerConversation } from '../../src/core/conversation/owner-conversation.js';
import { offlineEngine } from '../../src/core/intake/offline.js';
import { createPrismaCaseStore } from '../../src/db/prisma-case-store.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** The owner conversation on a private test database, wired as the app wires it. */
export async function createTestConversation(options: { now?: () => Date } = {}) {
  const db: TestDatabase = await createTestDatabase();
  const store = createPrismaCaseStore(db.prisma);
  const engine = offlineEngine();
  const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const owners = createOwnerConversation({ store, engine, log, ...(options.now ? { now: options.now } : {}) });
  return { db, store, engine, owners, close: () => db.close() };
}

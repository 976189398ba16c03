import { pino } from 'pino';
import type { LlmConfig } from '../../src/config/config.js';
import { createOwnerConversation } from '../../src/core/conversation/owner-conversation.js';
import { offlineEngine } from '../../src/core/intake/offline.js';
import { createLlmLayer, type LlmLayer } from '../../src/core/llm/factory.js';
import { createPrismaCaseStore } from '../../src/db/prisma-case-store.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** The owner conversation on a private test database, wired as the app wires it. */
export async function createTestConversation(options: { now?: () => Date; llm?: LlmLayer } = {}) {
  const db: TestDatabase = await createTestDatabase();
  const store = createPrismaCaseStore(db.prisma);
  const engine = offlineEngine();
  const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const owners = createOwnerConversation({
    store, engine, log, ...(options.now ? { now: options.now } : {}), ...(options.llm ? { llm: options.llm } : {}),
  });
  /** Another conversation on the same database, e.g. with an LLM configured. */
  const withLlm = (llm: LlmLayer | undefined) => createOwnerConversation({ store, engine, log, ...(llm ? { llm } : {}) });
  return { db, store, engine, owners, log, withLlm, close: () => db.close() };
}

/** An LLM layer of either provider against a (fake) OpenAI-compatible server. */
export function llmConfigFor(provider: 'openai' | 'langchain', baseURL: string, budgetMs = 2000): LlmConfig {
  const endpoint = { kind: 'openai' as const, apiKey: 'test-key', baseURL, model: 'gpt-4o-mini' };
  return provider === 'openai'
    ? { provider, budgetMs, endpoint }
    : { provider, budgetMs, endpoint, modelModule: undefined };
}

export async function testLlm(provider: 'openai' | 'langchain', baseURL: string, budgetMs = 2000): Promise<LlmLayer> {
  return createLlmLayer(llmConfigFor(provider, baseURL, budgetMs), pino({ level: process.env.LOG_LEVEL ?? 'silent' }));
}

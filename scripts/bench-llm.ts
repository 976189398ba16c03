// The LLM layer's own cost per owner turn, measured against the local fake OpenAI server
// answering at once (on its own thread), so that what is left is ours: building the request,
// the SDK, HTTP on loopback, checking and merging the answer, predicting the turn, and the
// accounting row. The fake model's own time (inside its handler) is subtracted.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { emptyFields } from '../src/core/case-sheet.js';
import { readWithLlm } from '../src/core/conversation/llm-reading.js';
import { createOwnerConversation } from '../src/core/conversation/owner-conversation.js';
import type { StoredCase } from '../src/core/conversation/ports.js';
import { runTurn } from '../src/core/intake/engine.js';
import { offlineEngine } from '../src/core/intake/offline.js';
import { initialDialogue } from '../src/core/intake/state.js';
import { createLlmLayer, type LlmLayer } from '../src/core/llm/factory.js';
import type { Database } from '../src/db/connect.js';
import { createPrismaCaseStore } from '../src/db/prisma-case-store.js';

type Stats = (label: string, samples: number[]) => void;

/** The fake server's thread: its base URL and the time its handlers have spent so far. */
interface FakeModel { url: string; serverMs(): number; close(): Promise<void> }

async function startFakeModel(): Promise<FakeModel> {
  const counter = new SharedArrayBuffer(8);
  const busy = new BigInt64Array(counter);
  const worker = new Worker(new URL('./fake-openai-worker.js', import.meta.url), { workerData: { counter } });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (m: { url: string }) => resolve(m.url));
    worker.once('error', reject);
  });
  return {
    url,
    serverMs: () => Number(Atomics.load(busy, 0)) / 1000,
    close: () => new Promise((resolve) => (worker.once('exit', () => resolve()), worker.postMessage('close'))),
  };
}

/** The cases as they stand before each message of the conversation (offline). */
function statesOf(conversation: readonly string[]): { current: StoredCase | null; text: string }[] {
  const engine = offlineEngine();
  let fields = emptyFields();
  let dialogue = initialDialogue();
  return conversation.map((text, n) => {
    const current: StoredCase | null = n === 0 ? null : {
      id: 'C-BENCH000', status: 'intake', ownerId: 'bench', fields, dialogue, lastActivityAt: new Date(), createdAt: new Date(),
    };
    const r = runTurn(engine, { fields, dialogue, text, isFirst: n === 0 });
    fields = r.fields;
    dialogue = r.dialogue;
    return { current, text };
  });
}

async function layer(provider: 'openai' | 'langchain', fake: FakeModel, log: Logger): Promise<LlmLayer> {
  const endpoint = { kind: 'openai' as const, apiKey: 'bench', baseURL: fake.url, model: 'bench-model' };
  return createLlmLayer(provider === 'openai' ? { provider, budgetMs: 20_000, endpoint } : { provider, budgetMs: 20_000, endpoint, modelModule: undefined }, log);
}

/**
 * The reading alone, in process: no database. Wall time depends on how busy the machine is;
 * the main thread's CPU time (the fake model runs on another thread) does not, and is what
 * the layer would add on an idle machine, loopback latency aside.
 */
async function benchReading(provider: 'openai' | 'langchain', fake: FakeModel, conversation: readonly string[], rounds: number, log: Logger, stats: Stats): Promise<void> {
  const llm = await layer(provider, fake, log);
  const deps = { llm, engine: offlineEngine(), log };
  const states = statesOf(conversation);
  const wall: number[] = [];
  const cpu: number[] = [];
  let calls = 0;
  for (let round = -3; round < rounds; round++) {
    for (const { current, text } of states) {
      const server = fake.serverMs();
      const cpu0 = process.threadCpuUsage();
      const t0 = performance.now();
      const reading = await readWithLlm(deps, current, text, false);
      const spent = performance.now() - t0 - (fake.serverMs() - server);
      const used = process.threadCpuUsage(cpu0);
      if (round < 0) continue; // the first rounds warm up the SDK and the connection
      wall.push(spent);
      cpu.push((used.user + used.system) / 1000);
      calls += reading.calls.length;
    }
  }
  stats(`LLM layer (${provider}), reading, wall time`, wall);
  stats(`LLM layer (${provider}), reading, CPU time`, cpu);
  console.log(`${''.padEnd(44)} ${(calls / wall.length).toFixed(2)} model calls per turn`);
}

/**
 * Whole owner turns on the database, each paired with the same turn offline. `null` pairs
 * offline with offline: the control, i.e. how far two identical turns differ on this machine.
 */
async function benchTurns(label: string, provider: 'openai' | 'langchain' | null, fake: FakeModel, db: Database, conversation: readonly string[], owners: number, log: Logger, stats: Stats): Promise<void> {
  const store = createPrismaCaseStore(db.prisma);
  const offline = createOwnerConversation({ store, engine: offlineEngine(), log });
  const withLlm = createOwnerConversation({ store, engine: offlineEngine(), log, ...(provider ? { llm: await layer(provider, fake, log) } : {}) });
  const diff: number[] = [];
  const send = async (c: typeof offline, owner: string, n: number, text: string) => {
    const t0 = performance.now();
    const r = await c.handle({ channel: 'bench-llm', eventId: `${owner}:${n}`, sender: { externalId: owner }, kind: 'text', text, receivedAt: new Date() });
    if (r.status !== 'processed') throw new Error(`turn ${n} of ${owner}: ${r.status}`);
    return performance.now() - t0;
  };
  for (let o = -1; o < owners; o++) {
    for (const [n, text] of conversation.entries()) {
      // Interleaved, so that both see the same database and the same machine at the same
      // time, and in alternating order, so that neither always goes first.
      const offTurn = () => send(offline, `${provider}-off-${o}`, n, text);
      const onTurn = async () => {
        const server = fake.serverMs();
        const ms = await send(withLlm, `${provider}-llm-${o}`, n, text);
        return ms - (fake.serverMs() - server);
      };
      const [off, on] = (o + n) % 2 === 0 ? [await offTurn(), await onTurn()] : [0, 0];
      const [on2, off2] = (o + n) % 2 === 0 ? [0, 0] : [await onTurn(), await offTurn()];
      if (o >= 0) diff.push(on + on2 - (off + off2));
    }
  }
  stats(provider ? `${label}: turn with ${provider} minus offline` : `${label}: control, offline minus offline`, diff);
}

export interface DatabaseOpener {
  label: string;
  open(): Promise<{ db: Database; cleanup: () => Promise<void> }>;
}

/** The reading alone, then whole turns on each database, paired with the same turns offline. */
export async function benchLlm(databases: DatabaseOpener[], conversation: readonly string[], log: Logger, stats: Stats, owners = 10): Promise<void> {
  const fake = await startFakeModel();
  try {
    for (const provider of ['openai', 'langchain'] as const) await benchReading(provider, fake, conversation, 20, log, stats);
    for (const { label, open } of databases) {
      const { db, cleanup } = await open();
      try {
        for (const provider of [null, 'openai', 'langchain'] as const) await benchTurns(label, provider, fake, db, conversation, owners, log, stats);
      } finally {
        await db.close();
        await cleanup();
      }
    }
  } finally {
    await fake.close();
  }
}

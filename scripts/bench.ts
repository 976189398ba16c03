// `npm run bench`: per-turn time of the intake engine alone, and of a whole owner turn with
// the database (store the message, run the turn in a transaction, save the case), on the
// embedded PGlite and on PostgreSQL when one is reachable; then the LLM layer's overhead per
// turn against a local fake model that answers at once (bench-llm.ts). Prints numbers;
// asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pino } from 'pino';
import { routeWarnings } from '../src/config/warnings.js';
import { emptyFields } from '../src/core/case-sheet.js';
import { createOwnerConversation } from '../src/core/conversation/owner-conversation.js';
import { runTurn } from '../src/core/intake/engine.js';
import { offlineEngine } from '../src/core/intake/offline.js';
import { initialDialogue } from '../src/core/intake/state.js';
import { openDatabase, type Database } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { createPrismaCaseStore } from '../src/db/prisma-case-store.js';
import { benchLlm, type DatabaseOpener } from './bench-llm.js';
import { CONVERSATION, stats } from './bench-common.js';
import { benchLineWebhooks, benchSlackCommands, benchTeamsMessages } from './bench-webhooks.js';

const MEMO = '面談メモ：株式会社マルサ水産（宮城県気仙沼市、水産加工、従業員42名）。社長は二代目で、主力の冷凍ホタテ加工品の売上が地元卸向けに偏っており、首都圏の量販店やECへの販路開拓が最大の課題との認識。営業は社長が一人で兼務しており、商談資料やECサイトの運営ノウハウが社内にない。首都圏在住でも可、オンライン中心で週1日程度の副業人材を希望。報酬は月10万円程度を想定。';

const log = pino({ level: 'silent' });
routeWarnings(pino({ level: 'warn' }, pino.destination(2)));

function benchEngine(conversations: number): void {
  const engine = offlineEngine();
  const samples: number[] = [];
  const memo: number[] = [];
  for (let i = 0; i < conversations; i++) {
    let fields = emptyFields();
    let dialogue = initialDialogue();
    for (const [n, text] of CONVERSATION.entries()) {
      const t0 = performance.now();
      const r = runTurn(engine, { fields, dialogue, text, isFirst: n === 0 });
      samples.push(performance.now() - t0);
      fields = r.fields;
      dialogue = r.dialogue;
    }
    const t0 = performance.now();
    runTurn(engine, { fields: emptyFields(), dialogue: initialDialogue(), text: MEMO, isFirst: true });
    memo.push(performance.now() - t0);
  }
  stats('engine alone, per turn', samples);
  stats('engine alone, one interview memo', memo);
}

async function benchDatabase(label: string, open: () => Promise<{ db: Database; cleanup: () => Promise<void> }>, owners: number): Promise<void> {
  const { db, cleanup } = await open();
  try {
    await migrate(db.pool, undefined, log);
    const store = createPrismaCaseStore(db.prisma);
    const conversation = createOwnerConversation({ store, engine: offlineEngine(), log });
    const first: number[] = [];
    const rest: number[] = [];
    for (let o = 0; o < owners; o++) {
      for (const [n, text] of CONVERSATION.entries()) {
        const t0 = performance.now();
        const r = await conversation.handle({ channel: 'bench', eventId: `${o}:${n}`, sender: { externalId: `owner-${o}` }, kind: 'text', text, receivedAt: new Date() });
        (n === 0 ? first : rest).push(performance.now() - t0);
        if (r.status !== 'processed') throw new Error(`turn ${n} of owner ${o}: ${r.status}`);
      }
    }
    stats(`${label}: whole turn`, [...first, ...rest]);
    stats(`${label}: first turn (creates the case)`, first);
  } finally {
    await db.close();
    await cleanup();
  }
}

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function openPglite(): Promise<{ db: Database; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bansou-bench-'));
  const db = await openDatabase({ dataDir: join(dir, 'pglite'), log });
  return { db, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh database on the PostgreSQL server at `base`, dropped by cleanup. */
async function openPostgres(base: string, name: string): Promise<{ db: Database; cleanup: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), log });
  return {
    db,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const migrated = (open: () => Promise<{ db: Database; cleanup: () => Promise<void> }>) => async () => {
  const opened = await open();
  await migrate(opened.db.pool, undefined, log);
  return opened;
};

async function main(): Promise<void> {
  const owners = Number(process.env.BENCH_OWNERS ?? 30);
  console.log(`bansou bench — node ${process.version}, ${CONVERSATION.length} turns per owner, ${owners} owners per database`);
  benchEngine(200);
  await benchDatabase('PGlite (embedded)', openPglite, owners);
  const base = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const reachable = await postgresReachable(base);
  if (reachable) await benchDatabase('PostgreSQL', () => openPostgres(base, `bansou_bench_${process.pid}`), owners);
  else console.log(`PostgreSQL at ${base} is not reachable; skipped`);
  const databases: DatabaseOpener[] = [{ label: 'PGlite', open: migrated(openPglite) }];
  if (reachable) databases.push({ label: 'PostgreSQL', open: migrated(() => openPostgres(base, `bansou_bench_llm_${process.pid}`)) });
  await benchLlm(databases, CONVERSATION, log, stats, Math.max(5, Math.round(owners / 3)));
  if (!reachable) return;
  // Webhook throughput per channel, on PostgreSQL: the deployment the targets are set for.
  for (const [tag, bench] of [['line', benchLineWebhooks], ['slack', benchSlackCommands], ['teams', benchTeamsMessages]] as const) {
    const { db, cleanup } = await openPostgres(base, `bansou_bench_${tag}_${process.pid}`);
    const url = db.target;
    await db.close();
    try {
      await bench(`postgresql://postgres@${url}`);
    } finally {
      await cleanup();
    }
  }
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});

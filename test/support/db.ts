import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { openDatabase, type Database } from '../../src/db/connect.js';
import { MEMORY_DATA_DIR, startEmbedded } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';

/**
 * A private database for integration tests.
 *   BANSOU_TEST_DB=pglite (default): an in-memory embedded PGlite.
 *   BANSOU_TEST_DB=postgres: a fresh database on BANSOU_TEST_PG_URL
 *     (default postgresql://postgres@127.0.0.1:5432/postgres), dropped on close.
 */
export type TestDatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase extends Database {
  /** A connection string for it. For PGlite it only admits the one connection `pool` holds. */
  url: string;
}

export interface TestDatabaseOptions {
  /** Default true. False gives an empty database, e.g. to test migrations themselves. */
  migrate?: boolean;
  /** Default: silent, or LOG_LEVEL if set. */
  log?: Logger;
}

const TEST_DB_PREFIX = 'bansou_test_';
/** Test databases older than this are leftovers of a crashed run and are dropped. */
const LEFTOVER_AGE_MS = 6 * 60 * 60 * 1000;

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.BANSOU_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`BANSOU_TEST_DB must be pglite or postgres, not ${kind}`);
  return kind;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const log = options.log ?? pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const wantMigrated = options.migrate ?? true;
  return testDatabaseKind() === 'postgres'
    ? createPostgresDatabase(log, wantMigrated)
    : createPgliteDatabase(log, wantMigrated);
}

// --- PGlite -------------------------------------------------------------------------------

// initdb costs about 2 s per in-memory instance; a migrated dump loads in well under a
// second. One per test process (vitest isolates test files), made on first use.
let migratedSeed: Promise<Blob> | undefined;

async function createPgliteDatabase(log: Logger, wantMigrated: boolean): Promise<TestDatabase> {
  const seed = wantMigrated ? await (migratedSeed ??= makeMigratedSeed(log)) : undefined;
  const db = await openDatabase({ dataDir: MEMORY_DATA_DIR, seed, log });
  // target is host:port/postgres of the embedded server; the user is always postgres.
  return { ...db, url: `postgresql://postgres@${db.target}` };
}

async function makeMigratedSeed(log: Logger): Promise<Blob> {
  const embedded = await startEmbedded({ dataDir: MEMORY_DATA_DIR, log });
  try {
    const pool = new pg.Pool({ connectionString: embedded.connectionString, max: 1 });
    try {
      await migrate(pool, undefined, log);
    } finally {
      await pool.end();
    }
    return await embedded.pglite.dumpDataDir('none');
  } finally {
    await embedded.close();
  }
}

// --- PostgreSQL ---------------------------------------------------------------------------

let leftoversSwept = false;

async function createPostgresDatabase(log: Logger, wantMigrated: boolean): Promise<TestDatabase> {
  const baseUrl = process.env.BANSOU_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  // The name carries its creation time, so a later run can tell a leftover from a live one.
  const name = `${TEST_DB_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin(baseUrl, async (admin) => {
    if (!leftoversSwept) {
      leftoversSwept = true;
      await dropLeftovers(admin);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  });

  const url = withDatabaseName(baseUrl, name);
  let db: Database | undefined;
  try {
    db = await openDatabase({ url, log });
    if (wantMigrated) await migrate(db.pool, undefined, log);
  } catch (err) {
    await db?.close().catch(() => undefined);
    await withAdmin(baseUrl, (admin) => dropDatabase(admin, name)).catch(() => undefined);
    throw err;
  }
  const opened = db;
  let closing: Promise<void> | undefined;
  return {
    ...opened,
    url,
    close() {
      closing ??= (async () => {
        await opened.close();
        await withAdmin(baseUrl, (admin) => dropDatabase(admin, name));
      })();
      return closing;
    },
  };
}

async function withAdmin<T>(baseUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  // DROP DATABASE fails while anyone is connected, e.g. a test's forgotten client.
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
    name,
  ]);
  await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
}

async function dropLeftovers(admin: pg.Client): Promise<void> {
  const res = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
    `${TEST_DB_PREFIX}%`,
  ]);
  for (const { datname } of res.rows) {
    const createdAt = parseInt(datname.slice(TEST_DB_PREFIX.length).split('_')[0] ?? '', 36);
    if (Number.isFinite(createdAt) && Date.now() - createdAt > LEFTOVER_AGE_MS) {
      await dropDatabase(admin, datname).catch(() => undefined);
    }
  }
}

function withDatabaseName(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pino } from 'pino';
import { openDatabase } from '../../src/db/connect.js';
import { testDatabaseKind } from './db.js';
import { tempDir, type CliDatabase } from './cli.js';

/**
 * A database for CLI processes: on PGlite a fresh data dir each process opens in turn; on
 * PostgreSQL a fresh database, dropped afterwards.
 */
export async function createCliDatabase(): Promise<CliDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const dir = tempDir('bansou-cli-');
    return { env: { BANSOU_DATA_DIR: dir.path, DATABASE_URL: '' }, query: (sql, params) => embeddedQuery(join(dir.path, 'pglite'), sql, params), cleanup: async () => dir.remove() };
  }
  const base = process.env.BANSOU_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `bansou_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async query<T extends object>(sql: string, params?: unknown[]) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return (await c.query<T>(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    async cleanup() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function embeddedQuery<T extends object>(dataDir: string, sql: string, params?: unknown[]): Promise<T[]> {
  const db = await openDatabase({ dataDir, log: pino({ level: 'silent' }) });
  try {
    return (await db.pool.query<T>(sql, params)).rows;
  } finally {
    await db.close();
  }
}

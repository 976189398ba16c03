import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { testDatabaseKind } from './db.js';
import { tempDir, type CliDatabase } from './cli.js';

/**
 * A database for CLI processes: on PGlite a fresh data dir each process opens in turn; on
 * PostgreSQL a fresh database, dropped afterwards.
 */
export async function createCliDatabase(): Promise<CliDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const dir = tempDir('bansou-cli-');
    return { env: { BANSOU_DATA_DIR: dir.path, DATABASE_URL: '' }, cleanup: async () => dir.remove() };
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
    async cleanup() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

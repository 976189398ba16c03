import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../test/support/db.js';
import { MigrationError } from './errors.js';
import { migrate, readMigrationFiles } from './migrate.js';
import { migrationsDir as defaultMigrationsDir } from '../core/repo-root.js';

const log = pino({ level: 'silent' });
const opened: TestDatabase[] = [];
const tempDirs: string[] = [];

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrate: false });
  opened.push(db);
  return db;
}

/** A copy of the real migrations in a temp dir, so a test can edit or add files. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bansou-migrations-'));
  tempDirs.push(dir);
  fs.cpSync(defaultMigrationsDir(), dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`migrate (${testDatabaseKind()})`, () => {
  it('applies every migration on a fresh database and records it as Prisma does', async () => {
    const db = await emptyDatabase();
    const names = readMigrationFiles(defaultMigrationsDir()).map((file) => file.name);

    const t0 = performance.now();
    expect(await migrate(db.pool, undefined, log)).toEqual(names);
    console.info(`[timing] ${db.kind} migrate on empty database: ${Math.round(performance.now() - t0)} ms`);

    const rows = await db.pool.query(
      `SELECT id, checksum, migration_name, finished_at, started_at, logs, rolled_back_at, applied_steps_count
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows.rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows.rows) {
      const file = path.join(defaultMigrationsDir(), row.migration_name, 'migration.sql');
      expect(row.checksum).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    // The tables exist.
    const tables = await db.pool.query(`SELECT to_regclass('public.message_log') AS t`);
    expect(tables.rows[0].t).toBe('message_log');
  });

  it('creates the history table with the exact column layout of Prisma', async () => {
    const db = await emptyDatabase();
    await migrate(db.pool, undefined, log);
    const columns = await db.pool.query(
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.rows.map((c) => [c.column_name, c.data_type, c.len, c.is_nullable, c.column_default])).toEqual([
      ['id', 'character varying', 36, 'NO', null],
      ['checksum', 'character varying', 64, 'NO', null],
      ['finished_at', 'timestamp with time zone', null, 'YES', null],
      ['migration_name', 'character varying', 255, 'NO', null],
      ['logs', 'text', null, 'YES', null],
      ['rolled_back_at', 'timestamp with time zone', null, 'YES', null],
      ['started_at', 'timestamp with time zone', null, 'NO', 'now()'],
      ['applied_steps_count', 'integer', null, 'NO', '0'],
    ]);
  });

  it('applies nothing the second time, and only the new one after a migration is added', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(db.pool, dir, log);
    expect(await migrate(db.pool, dir, log)).toEqual([]);

    fs.mkdirSync(path.join(dir, '29990101000000_add_note'));
    fs.writeFileSync(
      path.join(dir, '29990101000000_add_note', 'migration.sql'),
      '-- AlterTable\nALTER TABLE "company" ADD COLUMN "note" TEXT;\n',
    );
    expect(await migrate(db.pool, dir, log)).toEqual(['29990101000000_add_note']);
    const count = await db.pool.query('SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(count.rows[0].n).toBe(readMigrationFiles(dir).length);
  });

  it('refuses when an applied migration was edited, but accepts changed line endings', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(db.pool, dir, log);
    const [first] = readMigrationFiles(dir);
    const file = path.join(dir, first!.name, 'migration.sql');

    // git's autocrlf may convert line endings on checkout; Prisma accepts that too.
    fs.writeFileSync(file, first!.sql.replaceAll('\n', '\r\n'));
    expect(await migrate(db.pool, dir, log)).toEqual([]);

    fs.writeFileSync(file, `${first!.sql}\n-- edited after it was applied\n`);
    const failure = migrate(db.pool, dir, log);
    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toThrow(`マイグレーション ${first!.name} は適用後に変更されています`);
    // The refusal leaves the connection usable and the lock released.
    fs.writeFileSync(file, first!.sql);
    expect(await migrate(db.pool, dir, log)).toEqual([]);
  });

  it('rolls a failing migration back entirely and records nothing', async () => {
    const db = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(db.pool, dir, log);
    fs.mkdirSync(path.join(dir, '29990101000000_broken'));
    fs.writeFileSync(
      path.join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" ("id" TEXT);\nALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n',
    );
    await expect(migrate(db.pool, dir, log)).rejects.toThrow(/29990101000000_broken の適用に失敗しました: .*no_such_table/);
    const leftovers = await db.pool.query(
      `SELECT to_regclass('public.half_done') AS t,
              (SELECT count(*)::int FROM _prisma_migrations WHERE migration_name = '29990101000000_broken') AS n`,
    );
    expect(leftovers.rows[0]).toEqual({ t: null, n: 0 });
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('migrate from two processes at once (postgres)', () => {
  it('applies each migration once while the other waits on the advisory lock', async () => {
    const db = await emptyDatabase();
    // Two pools stand for two processes: separate sessions, so the advisory lock separates them.
    const other = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const results = await Promise.all([migrate(db.pool, undefined, log), migrate(other, undefined, log)]);
      const names = readMigrationFiles(defaultMigrationsDir()).map((file) => file.name);
      expect(results.flat().sort()).toEqual(names.sort());
      expect(results.some((applied) => applied.length === 0)).toBe(true);
      const rows = await db.pool.query('SELECT migration_name FROM _prisma_migrations');
      expect(rows.rows).toHaveLength(names.length);
    } finally {
      await other.end();
    }
  });
});

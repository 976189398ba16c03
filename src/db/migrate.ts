import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from 'pino';
import { MigrationError } from './errors.js';
import { migrationsDir as defaultMigrationsDir } from '../core/repo-root.js';

/*
 * Why not `prisma migrate deploy`: with the pg driver adapter (no native engine can be
 * downloaded here) it fails on PostgreSQL with "Column type 'name' could not be
 * deserialized" (prisma/orm#27403). This applies the same files and keeps the same history
 * table, so `migrate deploy` can take over wherever the native engine is available.
 */

/** The advisory lock key Prisma's schema engine takes, so our runs and `prisma migrate deploy` exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

// Prisma's own DDL for the history table (schema engine, PostgreSQL flavour).
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes, as Prisma records it. */
  checksum: string;
}

export interface MigrateOptions {
  /** How long to wait for another process's migration run. Default 5 minutes. */
  lockTimeoutMs?: number;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/**
 * Applies the pending `<dir>/<name>/migration.sql` files in name order, each in its own
 * transaction together with its `_prisma_migrations` row, and returns their names. Refuses
 * to run if an applied migration's file has changed since. Safe to call from several
 * processes at once: they queue on an advisory lock, and the later ones find nothing to do.
 */
export async function migrate(
  pool: pg.Pool,
  migrationsDir: string | undefined = defaultMigrationsDir(),
  log: Logger,
  options: MigrateOptions = {},
): Promise<string[]> {
  const files = readMigrationFiles(migrationsDir);
  const startedAt = performance.now();
  // One session throughout: the advisory lock belongs to the connection that took it.
  const client = await pool.connect();
  let destroy: Error | undefined;
  try {
    await takeLock(client, options.lockTimeoutMs ?? 300_000, log);
    try {
      await client.query(CREATE_HISTORY_TABLE);
      const history = await client.query<HistoryRow>(
        `SELECT migration_name, checksum, finished_at FROM _prisma_migrations
          WHERE rolled_back_at IS NULL ORDER BY started_at`,
      );
      const pending = checkHistory(files, history.rows, log);
      const applied: string[] = [];
      for (const file of pending) {
        await applyOne(client, file, log);
        applied.push(file.name);
      }
      const ms = Math.round(performance.now() - startedAt);
      if (applied.length > 0) log.info({ applied, ms }, 'migrations applied');
      else log.debug({ ms }, 'database schema is up to date');
      return applied;
    } finally {
      // If the unlock fails, closing the session is what releases the lock.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch((err: Error) => {
        destroy = err;
      });
    }
  } finally {
    // pg-pool also drops a client whose connection died on its own.
    client.release(destroy);
  }
}

/** Migration directories in name order, as Prisma orders them. */
export function readMigrationFiles(migrationsDir: string): MigrationFile[] {
  const names = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return names.map((name) => {
    const file = path.join(migrationsDir, name, 'migration.sql');
    if (!fs.existsSync(file)) {
      throw new MigrationError(name, `マイグレーション ${name} に migration.sql がありません (${file})。`);
    }
    const bytes = fs.readFileSync(file);
    return { name, sql: bytes.toString('utf8'), checksum: sha256(bytes) };
  });
}

/** Polls pg_try_advisory_lock so a waiting process can say why it waits, and give up in time. */
async function takeLock(client: pg.PoolClient, timeoutMs: number, log: Logger): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const res = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATION_LOCK_KEY,
    ]);
    if (res.rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        null,
        `別のプロセスがマイグレーション中です (advisory lock ${MIGRATION_LOCK_KEY})。${Math.round(timeoutMs / 1000)} 秒待っても終わりませんでした。`,
      );
    }
    if (!told) log.info('another process is migrating the database; waiting for it');
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Verifies what is recorded against the files and returns the files still to apply. */
function checkHistory(files: MigrationFile[], rows: HistoryRow[], log: Logger): MigrationFile[] {
  const byName = new Map(files.map((file) => [file.name, file]));
  const done = new Set<string>();
  for (const row of rows) {
    if (row.finished_at === null) {
      // Only Prisma's own engine leaves these; ours roll back whole.
      throw new MigrationError(
        row.migration_name,
        `マイグレーション ${row.migration_name} は失敗したまま _prisma_migrations に記録されています。データベースを確認し、prisma migrate resolve で解決してください。`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      log.warn({ migration: row.migration_name }, 'applied migration has no file in the migrations directory');
    } else if (!matchesChecksum(file.sql, row.checksum)) {
      throw new MigrationError(
        file.name,
        `マイグレーション ${file.name} は適用後に変更されています (記録 ${row.checksum.slice(0, 12)}…, ファイル ${file.checksum.slice(0, 12)}…)。適用済みのファイルは元に戻し、変更は新しいマイグレーションとして追加してください。`,
      );
    }
    done.add(row.migration_name);
  }
  return files.filter((file) => !done.has(file.name));
}

async function applyOne(client: pg.PoolClient, file: MigrationFile, log: Logger): Promise<void> {
  const startedAt = performance.now();
  await client.query('BEGIN');
  try {
    const id = randomUUID();
    await client.query(
      'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
      [id, file.checksum, file.name],
    );
    // No parameters: pg sends it as a simple query, which may hold many statements.
    await client.query(file.sql);
    // Prisma counts a migration script as one step.
    await client.query(
      'UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (err) {
    // If the connection died, the rollback fails too and the server has rolled back anyway.
    await client.query('ROLLBACK').catch(() => undefined);
    const reason = (err as Error).message?.split('\n')[0] ?? String(err);
    throw new MigrationError(file.name, `マイグレーション ${file.name} の適用に失敗しました: ${reason}`, {
      cause: err,
    });
  }
  log.info({ migration: file.name, ms: Math.round(performance.now() - startedAt) }, 'migration applied');
}

/**
 * Prisma's comparison (schema-engine checksum.rs): the file as is, or with its line endings
 * switched, since git may have converted them on checkout.
 */
function matchesChecksum(sql: string, recorded: string): boolean {
  const variants = [sql, sql.replaceAll('\r\n', '\n'), sql.replaceAll('\n', '\r\n')];
  return variants.some((text) => sha256(Buffer.from(text, 'utf8')) === recorded);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

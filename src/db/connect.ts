import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Logger } from 'pino';
import { startEmbedded, type EmbeddedDatabase } from './embedded.js';
import { DatabaseUnavailableError } from './errors.js';
import { PrismaClient } from './generated/client.js';

// Callers catch these around openDatabase/migrate; re-exported so one import serves.
export { DatabaseSetupError, DatabaseUnavailableError, DataDirLockedError, MigrationError } from './errors.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string. Without it, the embedded database in `dataDir` is used. */
  url?: string;
  /** The embedded database's directory, or 'memory://'. Default './data/pglite'. */
  dataDir?: string;
  log: Logger;
  /** Embedded in-memory only: start from a dump of a migrated instance (test templates). */
  seed?: Blob;
}

export interface Database {
  prisma: PrismaClient;
  /** The pool Prisma uses; also for migrations and raw SQL. One connection when embedded. */
  pool: pg.Pool;
  kind: DatabaseKind;
  /** host:port/database, safe to log (no password). */
  target: string;
  close(): Promise<void>;
}

/**
 * Opens the database and checks that it answers, so a wrong URL fails at start-up with a
 * DatabaseUnavailableError instead of on the first request. Does not migrate: see migrate.ts.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const target = describeTarget(options.url);
    // connectionTimeoutMillis also bounds the wait for a free pooled client.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'bansou',
    });
    return finishOpen(pool, 'postgres', target, options.log, async () => undefined);
  }

  const embedded: EmbeddedDatabase = await startEmbedded({
    dataDir: options.dataDir,
    log: options.log,
    seed: options.seed,
  });
  const pool = new pg.Pool({
    connectionString: embedded.connectionString,
    // pglite-socket serves one connection safely (see embedded.ts). idleTimeoutMillis 0 keeps
    // it open while idle; pg-pool still replaces it after any failed pool.query.
    max: 1,
    idleTimeoutMillis: 0,
    // With one connection this is mostly the wait for it while a transaction holds it.
    connectionTimeoutMillis: 30_000,
  });
  return finishOpen(pool, 'pglite', describeTarget(embedded.connectionString), options.log, () =>
    embedded.close(),
  );
}

async function finishOpen(
  pool: pg.Pool,
  kind: DatabaseKind,
  target: string,
  log: Logger,
  closeServer: () => Promise<void>,
): Promise<Database> {
  // Without a listener, an idle client's network error would crash the process.
  pool.on('error', (err) => log.warn({ err, target }, 'idle database connection failed'));
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    await closeServer().catch(() => undefined);
    throw new DatabaseUnavailableError(target, describeFailure(err), { cause: err });
  }

  // PrismaPg 6.19.3 takes an existing pg.Pool and leaves ending it to us (disposeExternalPool
  // is false by default), so Prisma and raw SQL share one pool, and one connection when embedded.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  log.info({ kind, target }, 'database connected');

  let closing: Promise<void> | undefined;
  return {
    prisma,
    pool,
    kind,
    target,
    close() {
      closing ??= (async () => {
        await prisma.$disconnect();
        await pool.end(); // before the embedded server stops, so no connection is mid-query
        await closeServer();
      })();
      return closing;
    },
  };
}

/** host:port/database of a connection string, without user or password. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    // A Unix socket directory can be given as ?host=/run/postgresql.
    const host = u.hostname || u.searchParams.get('host') || 'localhost';
    const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
    return `${host}:${u.port || '5432'}${database ? `/${database}` : ''}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** A short reason from a pg or network error, one line. */
function describeFailure(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown };
  // 'localhost' tried on ::1 and 127.0.0.1 fails as an AggregateError with an empty message.
  if (!e.message && Array.isArray(e.errors) && e.errors.length > 0) return describeFailure(e.errors[0]);
  const message = typeof e.message === 'string' && e.message ? e.message : String(err);
  const firstLine = message.split('\n')[0]!.trim();
  const code = typeof e.code === 'string' ? e.code : undefined;
  return code && !firstLine.includes(code) ? `${firstLine} (${code})` : firstLine;
}

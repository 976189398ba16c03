import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Logger } from 'pino';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

/** Where the embedded database lives unless told otherwise (relative to the working directory). */
export const DEFAULT_DATA_DIR = './data/pglite';

/** Pass as `dataDir` for a throw-away in-memory database (tests). */
export const MEMORY_DATA_DIR = 'memory://';

/** One live connection plus room for replaced ones that are still closing (see below). */
const CONNECTION_SLOTS = 8;

export interface EmbeddedOptions {
  /** A directory (created on first start), or MEMORY_DATA_DIR. Default DEFAULT_DATA_DIR. */
  dataDir?: string;
  log: Logger;
  /** In-memory only: start from a dump of another instance (`dumpDataDir`), skipping initdb. */
  seed?: Blob;
}

export interface EmbeddedDatabase {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  readonly connectionString: string;
  /** The resolved data directory, or null in memory. */
  readonly dataDir: string | null;
  /** The PGlite instance itself, e.g. to dump a migrated template in tests. */
  readonly pglite: PGlite;
  close(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and serves it over the PostgreSQL wire protocol
 * on an ephemeral 127.0.0.1 port, so the same pg + Prisma adapter code serves it and a real
 * server. Measured here: about 3 s on a fresh directory (initdb), 0.3 s to reopen one, about
 * 2 s in memory (initdb again), 0.3–0.7 s in memory from a seed.
 *
 * Clients must use ONE connection (a pg.Pool with max 1): pglite-socket 0.2.17 multiplexes
 * connections per protocol message, so two clients using extended-protocol queries interleave
 * Parse/Bind/Execute and get "portal does not exist" or each other's results (checked here).
 *
 * The server still admits a few connections, because pg-pool's `pool.query` destroys its
 * client after ANY query error (a unique violation included) and connects anew at once: with
 * a limit of 1, that new connection arrives while the old socket is still closing and is
 * dropped, and the query after every failed one fails with "Connection terminated
 * unexpectedly". The spare slots only ever hold connections on their way out.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { log } = options;
  const requested = options.dataDir ?? DEFAULT_DATA_DIR;
  const inMemory = requested === MEMORY_DATA_DIR;
  const dataDir = inMemory ? null : path.resolve(requested);
  if (options.seed && !inMemory) throw new Error('A seed can only start an in-memory embedded database');

  const startedAt = performance.now();
  // Lock before PGlite touches the directory; it has no lock of its own.
  const lock: DataDirLock | null = dataDir === null ? null : acquireDataDirLock(dataDir, requested);
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create(
      dataDir === null ? (options.seed ? { loadDataDir: options.seed } : {}) : { dataDir },
    );
    // port 0: the OS picks a free port; start() records it and getServerConn() reports it.
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: CONNECTION_SLOTS });
    await server.start();
    const hostPort = server.getServerConn();
    const ms = Math.round(performance.now() - startedAt);
    log.info({ dataDir: dataDir ?? 'memory', address: hostPort, ms }, 'embedded database started');

    const db = pglite;
    let closing: Promise<void> | undefined;
    return {
      connectionString: `postgresql://postgres@${hostPort}/postgres`,
      dataDir,
      pglite: db,
      close() {
        closing ??= (async () => {
          try {
            await server.stop();
            await db.close(); // flushes and shuts PostgreSQL down cleanly
          } finally {
            lock?.release();
          }
          log.debug({ dataDir: dataDir ?? 'memory' }, 'embedded database closed');
        })();
        return closing;
      },
    };
  } catch (err) {
    await pglite?.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
}

import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/connect.js';

// The job queue: pg-boss on the project's own database, through the same pool as Prisma (one
// connection when embedded, so the queue never talks past a transaction in progress). Its tables
// live in their own schema; pg-boss creates and migrates them at start.

export interface JobQueueSettings {
  /** How often an idle worker looks for due jobs. */
  pollSeconds: number;
  /** A job active this long (its process died) is handed to another process. */
  expireSeconds: number;
}

export const JOB_SCHEMA = 'pgboss';

export async function startJobQueue(db: Database, settings: JobQueueSettings, log: Logger): Promise<PgBoss> {
  // Expired jobs are failed over by the supervisor's monitor pass, which runs per queue at most
  // every monitorIntervalSeconds: both must look at least as often as jobs expire.
  const sweepSeconds = Math.max(1, Math.min(60, settings.expireSeconds));
  const boss = new PgBoss({
    db: { executeSql: (text, values) => db.pool.query(text, values as unknown[] | undefined) },
    backend: db.kind === 'pglite' ? 'pglite' : 'postgres',
    schema: JOB_SCHEMA,
    superviseIntervalSeconds: sweepSeconds,
    monitorIntervalSeconds: sweepSeconds,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  boss.on('warning', (w) => log.warn({ warning: w }, 'job queue warning'));
  await oneAtATime(db, () => boss.start());
  log.info({ schema: JOB_SCHEMA, database: db.kind }, 'job queue started');
  return boss;
}

const START_LOCK_KEY = 72707370;

/**
 * pg-boss installs its schema on first start; two servers starting at once on a fresh database
 * both try to create it (seen: a duplicate pg_namespace key). They take turns instead. The
 * embedded database has one process and one connection, so it needs (and allows) no lock.
 */
async function oneAtATime(db: Database, work: () => Promise<unknown>): Promise<void> {
  if (db.kind === 'pglite') return void (await work());
  const client = await db.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [START_LOCK_KEY]);
    await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [START_LOCK_KEY]).catch((err: Error) => (broken = err));
    client.release(broken);
  }
}

import type { Job, JobResult, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { CheckInRunner } from '../core/follow-up/check-in-runner.js';
import type { FollowUpJobSource } from '../db/prisma-follow-up-store.js';
import { jobIdFor } from './job-id.js';
import type { JobQueueSettings } from './job-queue.js';

// Check-ins on the job queue. A hire writes its follow-up rows in its own transaction; this
// gives each row to pg-boss as a job due on its day (at start, after each hire, and every few
// minutes for hires recorded by other processes). pg-boss hands each due job to one worker
// across all server processes and retries it elsewhere when a process dies holding it; the
// check-in itself asks the owner at most once, however often it runs.

export const CHECK_IN_QUEUE = 'follow-up-check-in';
const SYNC_QUEUE = 'follow-up-sync';
const SYNC_EVERY = '*/5 * * * *';
const BATCH = 200;
const BATCH_SIZE = 10;

interface CheckInJobData {
  caseId: string;
  day: number;
}

export interface FollowUpJobsDeps {
  boss: PgBoss;
  source: FollowUpJobSource;
  runner: CheckInRunner;
  settings: JobQueueSettings;
  log: Logger;
  now?: () => Date;
}

export function createFollowUpJobs(deps: FollowUpJobsDeps) {
  const { boss, source, log } = deps;
  const now = deps.now ?? (() => new Date());
  let syncing: Promise<number> | null = null;

  async function queueAll(): Promise<number> {
    let queued = 0;
    for (;;) {
      const rows = await source.unqueued(BATCH);
      for (const r of rows) {
        const key = `check-in:${r.caseId}:${r.day}`;
        const data: CheckInJobData = { caseId: r.caseId, day: r.day };
        // null: a job with this id exists already (sent before a crash, or by another process).
        await boss.send(CHECK_IN_QUEUE, data, { id: jobIdFor(key), singletonKey: key, startAfter: r.dueAt });
        await source.markQueued(r.caseId, r.day, now());
        queued++;
      }
      if (rows.length < BATCH) return queued;
    }
  }

  /** Gives the queue every planned check-in it does not have yet; calls in flight are shared. */
  function sync(): Promise<number> {
    syncing ??= queueAll().finally(() => { syncing = null; });
    return syncing;
  }

  async function runBatch(jobs: Job<CheckInJobData>[]): Promise<JobResult[]> {
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        await deps.runner.due(job.data.caseId, job.data.day);
        results.push({ id: job.id, status: 'completed' });
      } catch (err) {
        log.warn({ err, caseId: job.data.caseId, day: job.data.day }, 'check-in failed; the queue retries it');
        results.push({ id: job.id, status: 'failed', output: { message: (err as Error).message } });
      }
    }
    return results;
  }

  return {
    async start(): Promise<void> {
      // A failed or expired check-in (database down, a process killed) is retried with backoff,
      // first after about as long as a job may run, for a day or so before pg-boss gives up.
      const expire = deps.settings.expireSeconds;
      const options = { expireInSeconds: expire, retryLimit: 20, retryDelay: Math.min(60, expire), retryBackoff: true, retryDelayMax: 3600 };
      // createQueue leaves an existing queue as it was: settings changed since apply from this start on.
      await boss.createQueue(CHECK_IN_QUEUE, options);
      await boss.updateQueue(CHECK_IN_QUEUE, options);
      await boss.createQueue(SYNC_QUEUE, { expireInSeconds: 300, retryLimit: 0 });
      // Up to BATCH_SIZE due jobs per poll, each settled on its own: one case's failure retries that job only.
      await boss.work(CHECK_IN_QUEUE, { pollingIntervalSeconds: deps.settings.pollSeconds, batchSize: BATCH_SIZE, perJobResults: true }, runBatch);
      await boss.work(SYNC_QUEUE, { pollingIntervalSeconds: 30 }, async () => void (await sync()));
      await boss.schedule(SYNC_QUEUE, SYNC_EVERY);
      const queued = await sync();
      log.info({ queued }, 'follow-up check-ins queued');
    },
    /** After a hire in this process: queue its check-ins now, without waiting for the next sync. */
    kick(): void {
      sync().catch((err) => log.warn({ err }, 'queueing check-ins failed; the next sync retries'));
    },
    sync,
  };
}

export type FollowUpJobs = ReturnType<typeof createFollowUpJobs>;

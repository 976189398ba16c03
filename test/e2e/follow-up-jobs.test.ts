import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { emptyFields } from '../../src/core/case-sheet.js';
import { planCheckIns } from '../../src/core/follow-up/plan.js';
import { initialDialogue } from '../../src/core/intake/state.js';
import { caseFollowUps } from '../../src/db/prisma-follow-up-store.js';
import { CHECK_IN_QUEUE } from '../../src/jobs/follow-up-jobs.js';
import { JOB_SCHEMA } from '../../src/jobs/job-queue.js';
import { assertBuilt, type CliDatabase } from '../support/cli.js';
import { createCliDatabase } from '../support/cli-database.js';
import { testDatabaseKind } from '../support/db.js';
import { FakeLine } from '../support/fake-line.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { waitFor } from '../support/wait.js';

// Scheduled check-ins with several `bansou start` processes on one PostgreSQL: each check-in
// runs once however many servers poll the queue, and a server killed while running one loses
// nothing: pg-boss hands the expired job to the next server. (The embedded database belongs to
// one process, so this runs on the PostgreSQL pass of the suite.)

const DAY_MS = 86_400_000;
const LINE_SECRET = 'line-secret-jobs';
let db: CliDatabase;
let app: App;
let line: FakeLine;
const servers: ServerProcess[] = [];

const serverEnv = (): NodeJS.ProcessEnv => ({
  ...db.env, LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'line-token', LINE_API_BASE_URL: line.url,
  BANSOU_SIMULATOR: 'off', BANSOU_JOBS_POLL_SECONDS: '0.5', BANSOU_JOBS_EXPIRE_SECONDS: '2', BANSOU_OUTBOX_POLL_MS: '50',
});

function startServer(): ServerProcess {
  const server = startServerProcess(serverEnv());
  servers.push(server);
  return server;
}

async function stop(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  server.child.kill(signal);
  await server.exited;
}

/** A LINE owner's case, hired 31 days ago: its 30-day check-in is due, the others are not. */
async function hiredCase(): Promise<{ caseId: string; owner: string }> {
  const owner = `U${randomUUID().replaceAll('-', '')}`;
  const { id } = await app.store.withOwner({ channel: 'line', externalId: owner }, (tx) => tx.createCase(emptyFields(), { ...initialDialogue(), phase: 'done' }));
  await app.db.prisma.case.update({ where: { id }, data: { status: 'hired' } });
  await caseFollowUps(app.db.prisma).plan(id, planCheckIns(id, new Date(Date.now() - 31 * DAY_MS), [30, 90, 180]));
  return { caseId: id, owner };
}

const asked = (owner: string) => line.delivered().filter((c) => c.body.to === owner && JSON.stringify(c.body).includes('採用から30日'));
const jobOf = async (caseId: string) => (await app.db.pool.query<{ state: string; retry_count: number }>(
  `SELECT state, retry_count FROM ${JOB_SCHEMA}.job WHERE name = $1 AND singleton_key = $2`, [CHECK_IN_QUEUE, `check-in:${caseId}:30`])).rows;
const ranHere = (server: ServerProcess) => server.log().split('\n').filter((l) => l.includes('"check-in due"') && l.includes('"outcome":"asked"')).length;

describe.skipIf(testDatabaseKind() !== 'postgres')('check-ins on the job queue, several server processes, one PostgreSQL', () => {
  beforeAll(async () => {
    assertBuilt();
    db = await createCliDatabase();
    line = await new FakeLine().start();
    app = await openApp(loadConfig({ ...db.env }), pino({ level: 'silent' }));
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) await stop(s, 'SIGKILL');
    await app?.close();
    await line?.close();
    await db?.cleanup();
  });

  it('two servers run each due check-in exactly once', async () => {
    const cases = await Promise.all(Array.from({ length: 24 }, () => hiredCase()));
    const [a, b] = [startServer(), startServer()];
    await Promise.all([a.port, b.port]);
    await waitFor(async () => (await app.db.prisma.followUp.count({ where: { day: 30, state: 'asked' } })) === cases.length, 'every 30-day check-in asked', 30_000);
    await waitFor(() => cases.every((c) => asked(c.owner).length > 0), 'every owner asked on LINE', 15_000);
    // Longer than a job's expiry: a job run twice would have shown by now.
    await new Promise((r) => setTimeout(r, 3_000));
    for (const c of cases) expect(asked(c.owner)).toHaveLength(1);
    expect(await app.db.prisma.auditEvent.count({ where: { action: 'follow_up_asked' } })).toBe(cases.length);
    expect(await app.db.prisma.followUp.count({ where: { day: { in: [90, 180] }, state: 'scheduled' } })).toBe(cases.length * 2);
    const states = await Promise.all(cases.map((c) => jobOf(c.caseId)));
    expect(states.every((rows) => rows.length === 1 && rows[0]!.state === 'completed')).toBe(true);
    expect(ranHere(a) + ranHere(b)).toBe(cases.length);
    console.info(`check-ins run: ${ranHere(a)} by one server, ${ranHere(b)} by the other`);
    await Promise.all([stop(a), stop(b)]);
  }, 90_000);

  it('a server killed with a check-in in flight loses no job: the next server runs it once', async () => {
    const { caseId, owner } = await hiredCase();
    // Hold the case row, so the first server's check-in waits inside its transaction.
    const locker = new pg.Client({ connectionString: db.env.DATABASE_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM "case" WHERE id = $1 FOR UPDATE', [caseId]);
    const first = startServer();
    await first.port;
    await waitFor(async () => (await jobOf(caseId))[0]?.state === 'active', 'the check-in in flight on the first server', 20_000);
    await stop(first, 'SIGKILL');
    await locker.query('ROLLBACK');
    await locker.end();
    expect(await jobOf(caseId)).toMatchObject([{ state: 'active' }]);
    expect((await app.db.prisma.followUp.findUniqueOrThrow({ where: { caseId_day: { caseId, day: 30 } } })).state).toBe('scheduled');
    expect(asked(owner)).toHaveLength(0);

    const second = startServer();
    await second.port;
    await waitFor(() => asked(owner).length > 0, 'the check-in run by the second server', 30_000);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(asked(owner)).toHaveLength(1);
    expect(await jobOf(caseId)).toMatchObject([{ state: 'completed', retry_count: expect.any(Number) }]);
    expect((await jobOf(caseId))[0]!.retry_count).toBeGreaterThanOrEqual(1);
    expect(await app.db.prisma.auditEvent.count({ where: { caseId, action: 'follow_up_asked' } })).toBe(1);
    expect(ranHere(second)).toBe(1);
    await stop(second);
  }, 90_000);
});

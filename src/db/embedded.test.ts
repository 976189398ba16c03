import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect.js';
import { startEmbedded, type EmbeddedDatabase } from './embedded.js';
import { DataDirLockedError } from './errors.js';
import { migrate } from './migrate.js';

// These tests are about the embedded database itself, so they run whatever BANSOU_TEST_DB says.

const log = pino({ level: 'silent' });
const tempDirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bansou-pglite-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const child of children) child.kill();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded database in a directory', () => {
  it('keeps data across close and reopen', async () => {
    const dataDir = path.join(tempDir(), 'pglite'); // does not exist yet: created on first start

    let t0 = performance.now();
    const first = await openDatabase({ dataDir, log });
    const firstStartMs = performance.now() - t0;
    expect(first.kind).toBe('pglite');
    await migrate(first.pool, undefined, log);
    await first.prisma.organisation.create({ data: { id: 'org-1', name: '伴走商工会', kind: 'chamber' } });
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'bansou.lock'))).toBe(false);

    t0 = performance.now();
    const second = await openDatabase({ dataDir, log });
    const reopenMs = performance.now() - t0;
    try {
      expect(await migrate(second.pool, undefined, log)).toEqual([]);
      const org = await second.prisma.organisation.findUnique({ where: { id: 'org-1' } });
      expect(org).toMatchObject({ name: '伴走商工会', kind: 'chamber' });
    } finally {
      await second.close();
    }
    console.info(`[timing] pglite first start (initdb) ${Math.round(firstStartMs)} ms, reopen ${Math.round(reopenMs)} ms`);
  });

  it('answers the query right after a failed one (pg-pool reconnects after every error)', async () => {
    const db = await openDatabase({ dataDir: 'memory://', log });
    try {
      await db.pool.query('CREATE TABLE t (id int PRIMARY KEY)');
      await db.pool.query('INSERT INTO t VALUES ($1)', [1]);
      for (let i = 0; i < 5; i++) {
        await expect(db.pool.query('INSERT INTO t VALUES ($1)', [1])).rejects.toMatchObject({ code: '23505' });
        expect((await db.pool.query('SELECT count(*)::int AS n FROM t WHERE id = $1', [1])).rows[0].n).toBe(1);
      }
    } finally {
      await db.close();
    }
  });
});

describe('data directory lock', () => {
  let dataDir: string;
  let holder: EmbeddedDatabase | undefined;

  beforeAll(() => {
    dataDir = path.join(tempDir(), 'pglite');
  });

  afterEach(async () => {
    await holder?.close();
    holder = undefined;
  });

  it('refuses a second opener in this process, with a one-line message', async () => {
    holder = await startEmbedded({ dataDir, log });
    const second = startEmbedded({ dataDir, log });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`埋め込みデータベース ${dataDir} はこのプロセス自身が使用中です`);
    const err = (await second.catch((e: unknown) => e)) as Error;
    expect(err.message).not.toContain('\n');
    expect(err.stack).toBe(`DataDirLockedError: ${err.message}`);
  });

  it('refuses while the pid in the lock file is alive, and takes over once it is gone', async () => {
    // A live process that is not us stands for another bansou holding the directory.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    children.push(other);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'bansou.lock'), JSON.stringify({ pid: other.pid }));

    await expect(startEmbedded({ dataDir, log })).rejects.toThrow(`別のプロセス (pid ${other.pid})が使用中です`);

    other.kill();
    await new Promise((resolve) => other.once('exit', resolve));
    holder = await startEmbedded({ dataDir, log });
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'bansou.lock'), 'utf8'));
    expect(lock.pid).toBe(process.pid);
  });

  it('takes over an old unreadable lock file left by a crash', async () => {
    fs.mkdirSync(dataDir, { recursive: true });
    const lockPath = path.join(dataDir, 'bansou.lock');
    fs.writeFileSync(lockPath, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath, old, old);
    holder = await startEmbedded({ dataDir, log });
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
  });
});

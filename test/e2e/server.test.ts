import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, ROOT, type CliDatabase } from '../support/cli.js';
import { createCliDatabase } from '../support/cli-database.js';

let db: CliDatabase;

beforeAll(async () => {
  assertBuilt();
  db = await createCliDatabase();
});
afterAll(async () => db?.cleanup());

/** Starts `bansou start` on an ephemeral port and resolves with it once it listens. */
function startServer() {
  const child = spawn(process.execPath, [CLI, 'start'], {
    cwd: ROOT, env: { ...process.env, ...db.env, PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const port = new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      log += d.toString('utf8');
      const m = /listening on http:\/\/localhost:(\d+)/.exec(log);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, exited, log: () => log };
}

describe('bansou start', () => {
  it('answers /healthz with JSON once migrated, and stops cleanly on SIGTERM', async () => {
    const server = startServer();
    const port = await server.port;
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', migrations: expect.any(Number) });
    expect(body.migrations).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${port}/nowhere`)).status).toBe(404);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, type CliDatabase } from '../support/cli.js';
import { startServerProcess } from '../support/server-process.js';
import { createCliDatabase } from '../support/cli-database.js';

let db: CliDatabase;

beforeAll(async () => {
  assertBuilt();
  db = await createCliDatabase();
});
afterAll(async () => db?.cleanup());

const startServer = () => startServerProcess(db.env);

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

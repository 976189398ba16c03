import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { assertBuilt, runCli, type CliDatabase } from '../support/cli.js';
import { createCliDatabase } from '../support/cli-database.js';

// `bansou account add`, as an operator runs it: the password comes from standard input.

let db: CliDatabase;

beforeAll(async () => {
  assertBuilt();
  db = await createCliDatabase();
  const app = await openApp(loadConfig({ ...db.env }), pino({ level: 'silent' }));
  try {
    await app.db.prisma.organisation.create({ data: { id: 'hub', name: '静岡県プロ人材拠点', kind: 'hub', isHub: true } });
    await app.db.prisma.member.create({ data: { id: 'm-suzuki', organisationId: 'hub', role: 'coordinator', displayName: '鈴木' } });
  } finally {
    await app.close();
  }
}, 60_000);
afterAll(async () => db?.cleanup());

const cli = (args: string[], input?: string) => runCli(args, { env: db.env, input });

describe('bansou account add', () => {
  it('creates a dashboard account with the password read from stdin', async () => {
    const r = await cli(['account', 'add', '--member', 'm-suzuki', '--email', 'Suzuki@Example.jp', '--password-stdin'], 'shizuoka-hub-2026\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('suzuki@example.jp');
    expect(r.stdout + r.stderr).not.toContain('shizuoka-hub-2026');
  });

  it.each([
    ['a short password', ['--member', 'm-suzuki', '--email', 'a@example.jp'], 'short\n', 1, /12文字以上/],
    ['an unknown member', ['--member', 'nobody', '--email', 'b@example.jp'], 'long-enough-password\n', 1, /見つかりません/],
    ['an existing email', ['--member', 'm-suzuki', '--email', 'suzuki@example.jp'], 'long-enough-password\n', 1, /すでに/],
    ['no email', ['--member', 'm-suzuki'], 'long-enough-password\n', 2, /使い方/],
  ])('refuses %s with a one-line message', async (_name, args, input, code, message) => {
    const r = await cli(['account', 'add', ...args], input);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, tempDir, type CliDatabase } from '../support/cli.js';
import { createCliDatabase } from '../support/cli-database.js';

// The built `bansou` binary, as an operator runs it: exit codes, one-line errors, and a
// conversation that survives the process ending in the middle of an intake.

let db: CliDatabase;
const files = tempDir('bansou-cli-files-');

beforeAll(async () => {
  assertBuilt();
  db = await createCliDatabase();
});
afterAll(async () => {
  await db?.cleanup();
  files.remove();
});

const cli = (args: string[], input?: string) => runCli(args, { env: db.env, input });

function file(name: string, content: string | Buffer): string {
  const path = join(files.path, name);
  writeFileSync(path, content);
  return path;
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('bansou replay', () => {
  it('accepts JSON Lines as well as plain lines', async () => {
    const path = file('memo.jsonl', '{"text": "浜松で金属加工をしています"}\n{"text": "従業員は３０人です"}\n');
    const r = await cli(['replay', path, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const sheet = JSON.parse(r.stdout);
    expect(sheet.company).toMatchObject({ prefecture: '静岡県', employees: 30, industry: 'manufacturing' });
    expect(sheet.status).toBe('intake');
    expect(sheet.missing).toContain('company.name');
  });

  it.each([
    ['a file that is not UTF-8', () => file('sjis.txt', Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x0a])), 'UTF-8'],
    ['an empty file', () => file('empty.txt', '\n# only a comment\n'), 'メッセージがありません'],
    ['a missing file', () => join(files.path, 'nope.txt'), '見つかりません'],
    ['binary data', () => file('bin.txt', Buffer.from([0x00, 0x01, 0x02, 0xff])), 'テキストファイルではない'],
    ['broken JSON Lines', () => file('bad.jsonl', '{"text": "a"}\n{"text": \n'), 'JSON'],
  ])('refuses %s with one line and exit 1', async (_name, make, message) => {
    const r = await cli(['replay', make()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noStack(r.stderr);
  });

  it('stores an oversized line and goes on with the rest', async () => {
    const path = file('long.txt', `${'あ'.repeat(5001)}\n今治でタオルを作っています\n`);
    const r = await cli(['replay', path, '--json', '--transcript']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('長すぎる');
    expect(JSON.parse(r.stdout).company.prefecture).toBe('愛媛県');
  });
});

describe('bansou command line', () => {
  it('answers an unknown command with usage and exit 2', async () => {
    const r = await cli(['fly']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不明なコマンド');
  });

  it('reports an unreachable database in one line, exit 1, no stack trace', async () => {
    const r = await runCli(['case', 'show', 'C-00000000', '--db', 'postgresql://postgres@127.0.0.1:1/none']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('127.0.0.1:1');
    noStack(r.stderr);
  });

  it('reports an invalid setting before touching anything', async () => {
    const r = await runCli(['case', 'show', 'C-00000000'], { env: { PORT: 'abc' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT');
  });

  it('says when a case does not exist', async () => {
    const r = await cli(['case', 'show', 'C-ZZZZZZZZ']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('見つかりません');
  });

  it('shows the outbox and sends again what it gave up on', async () => {
    const status = await cli(['outbox', 'status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ pending: expect.any(Number), dead: expect.any(Number) });
    const retry = await cli(['outbox', 'retry']);
    expect(retry.code, retry.stderr).toBe(0);
    expect(retry.stdout).toContain('送信できなかった');
    expect((await cli(['outbox', 'purge'])).code).toBe(2);
  });

  it('migrates idempotently', async () => {
    const first = await cli(['db', 'migrate']);
    expect(first.code, first.stderr).toBe(0);
    const again = await cli(['db', 'migrate']);
    expect(again.stdout).toContain('最新');
  });
});

describe('bansou chat', () => {
  it('resumes an intake in a new process where the last one stopped', async () => {
    const first = await cli(['chat', '--user', 'owner-resume'], '気仙沼で水産加工をやってます\n従業員は42名\n終了\n');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('伴走');
    const second = await cli(['chat', '--user', 'owner-resume'], '首都圏への販路開拓が課題です\n');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('こんにちは。伴走');

    const desk = await cli(['chat', '--as', 'advisor'], '一覧\n');
    const caseId = /(C-[0-9A-Z]{8})［/.exec(desk.stdout)?.[1];
    expect(caseId, desk.stdout).toBeDefined();
    const shown = await cli(['case', 'show', caseId as string]);
    expect(shown.code, shown.stderr).toBe(0);
    const sheet = JSON.parse(shown.stdout);
    expect(sheet.company).toMatchObject({ prefecture: '宮城県', employees: 42 });
    expect(sheet.step1.issues.map((i: { category: string }) => i.category)).toContain('sales_marketing');
  });

  it('refuses an unknown role', async () => {
    const r = await cli(['chat', '--as', 'ceo']);
    expect(r.code).toBe(2);
  });
});

describe('bansou org / member', () => {
  it('registers an organisation and an advisor, lists them, and refuses mistakes with exit 1', async () => {
    const org = await cli(['org', 'add', '--name', '浜松商工会議所', '--kind', 'cci', '--slack-channel', 'C0CLITEST1', '--default']);
    expect(org.code, org.stderr).toBe(0);
    expect(org.stdout).toContain('機関を登録しました：浜松商工会議所');
    const member = await cli(['member', 'add', '--org', '浜松商工会議所', '--role', 'advisor', '--name', '山田太郎', '--slack', 'U0CLITEST1']);
    expect(member.code, member.stderr).toBe(0);
    const listed = await cli(['member', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ displayName: '山田太郎', identities: [{ channel: 'slack', externalId: 'U0CLITEST1' }] })]);
    expect((await cli(['org', 'list'])).stdout).toContain('Slack：C0CLITEST1');

    const twice = await cli(['member', 'add', '--org', '浜松商工会議所', '--role', 'advisor', '--name', '別人', '--slack', 'U0CLITEST1']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('すでに 山田太郎 さん');
    noStack(twice.stderr);
    expect((await cli(['org', 'remove'])).code).toBe(2);
  });
});

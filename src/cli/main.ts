#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp, type App } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { createLogger, type Logger } from '../config/logger.js';
import { routeWarnings } from '../config/warnings.js';
import { ContentError } from '../core/intake/content.js';
import { repoRoot } from '../core/repo-root.js';
import { DatabaseSetupError } from '../db/connect.js';
import { accountAdd } from './commands/account.js';
import { caseShow } from './commands/case-show.js';
import { chat } from './commands/chat.js';
import { replay } from './commands/replay.js';
import { start } from './commands/start.js';
import { InputError, UsageError } from './errors.js';

const USAGE = `使い方: bansou <command> [options]

  start                                   サーバーを起動します（GET /healthz）
  chat [--as owner|advisor|coordinator]   端末で bot と会話します（--user ID で相手を指定）
  replay FILE [--json] [--transcript]     経営者側の発言を再生し、案件シートを表示します
  case show CASE_ID [--format json|md]    案件シートを表示します
  db migrate                              データベースのマイグレーションを適用します
  account add --member ID --email E       ダッシュボードのアカウントを作ります（パスワードは標準入力から）

共通オプション:
  --db URL    PostgreSQL の接続先（省略時は DATABASE_URL、それもなければ ./data の埋め込みDB）
  --help      この説明
  --version   バージョン`;

const OPTIONS = {
  db: { type: 'string' },
  as: { type: 'string', default: 'owner' },
  user: { type: 'string' },
  json: { type: 'boolean', default: false },
  transcript: { type: 'boolean', default: false },
  format: { type: 'string', default: 'json' },
  member: { type: 'string' },
  email: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

const out = (s: string): void => void process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
const err = (s: string): void => void process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);

function version(): string {
  return (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

async function withApp<T>(config: Config, log: Logger, work: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp(config, log);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  if (values.version) return out(version());
  if (values.help || !command) return out(USAGE);
  const loaded = loadConfig(process.env, values.db ? { databaseUrl: values.db } : {});
  // Only the server hosts the web simulator; other commands must not queue notices for it.
  const config = { ...loaded, simulator: command === 'start' && loaded.simulator };
  const log = createLogger(config.logLevel ?? (command === 'start' ? 'info' : 'warn'));
  routeWarnings(log);
  switch (command) {
    case 'start':
      return withApp(config, log, (app) => start(app, config, log, version()));
    case 'chat':
      return withApp(config, log, (app) => chat(app, values.as, values.user, process.stdin, out));
    case 'replay':
      if (rest.length !== 1) throw new UsageError('replay にはファイルを1つ指定してください: bansou replay FILE [--json]');
      return withApp(config, log, (app) => replay(app, rest[0] as string, { json: values.json, transcript: values.transcript }, out, err));
    case 'case':
      if (rest[0] !== 'show' || rest.length !== 2) throw new UsageError('使い方: bansou case show CASE_ID [--format json|md]');
      return withApp(config, log, (app) => caseShow(app, rest[1] as string, values.format, out));
    case 'db':
      if (rest[0] !== 'migrate') throw new UsageError('使い方: bansou db migrate');
      return withApp(config, log, async (app) => {
        out(app.appliedMigrations.length ? `適用しました: ${app.appliedMigrations.join(', ')}` : 'マイグレーションは最新です。');
      });
    case 'account':
      if (rest[0] !== 'add' || rest.length !== 1) throw new UsageError('使い方: bansou account add --member MEMBER_ID --email E [--password-stdin]');
      return withApp(config, log, (app) => accountAdd(app, { member: values.member, email: values.email }, process.stdin, out, err));
    default:
      throw new UsageError(`不明なコマンドです: ${command}`);
  }
}

/** Known failures get one line and an exit code; only unexpected ones show a stack. */
function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    err(`bansou: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (error instanceof InputError || error instanceof ConfigError || error instanceof DatabaseSetupError || error instanceof ContentError) {
    err(`bansou: ${error.message}`);
    return 1;
  }
  err(`bansou: 予期しないエラーが発生しました: ${(error as Error).message ?? String(error)}`);
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') err(String((error as Error).stack));
  return 1;
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => process.exit(exitCodeFor(error)),
);

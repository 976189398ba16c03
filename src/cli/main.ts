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
import { FontUnavailableError } from '../pdf/japanese-font.js';
import { admin } from './commands/admin.js';
import { accountAdd } from './commands/account.js';
import { outbox } from './commands/outbox.js';
import { caseShow } from './commands/case-show.js';
import { caseExport, planExport } from './commands/case-export.js';
import { casesCsv, checkReportArgs, report } from './commands/report.js';
import { generateCsv, importCandidates, parseCount, parseSeed } from './commands/candidates.js';
import { checkMatchArgs, match, matchNeedsDatabase, parseTop } from './commands/match.js';
import { readCandidateFile } from './input-files.js';
import { chat } from './commands/chat.js';
import { replay } from './commands/replay.js';
import { start } from './commands/start.js';
import { InputError, UsageError } from './errors.js';

const USAGE = `使い方: bansou <command> [options]

  start                                   サーバーを起動します（GET /healthz）
  chat [--as owner|advisor|coordinator]   端末で bot と会話します（--user ID で相手を指定）
  replay FILE [--json] [--transcript]     経営者側の発言を再生し、案件シートを表示します
  case show CASE_ID [--format json|md]    案件シートを表示します
  case export CASE_ID [--format md|pdf] [--out FILE]
                                          承認済みの求人を求人票（Markdown か PDF）として書き出します
  cases csv                               全案件を情報連携シートの形の CSV（UTF-8・BOM付き）で書き出します
  report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format md|csv|json]
                                          期間中のネットワークの実績（相談・求人化・紹介・採用・フォローアップ）
  candidates import FILE.csv              候補者CSVを検証して取り込みます（1件でも誤りがあれば何も取り込みません）
  candidates generate --count N [--seed S]
                                          架空の候補者CSVを標準出力に書き出します（同じ seed なら同じ内容）
  match (CASE_ID | --spec SPEC.json) [--candidates FILE.csv] [--top N] [--json]
                                          案件または求人 spec に合う候補者を順に表示します（既定は上位10名）
  db migrate                              データベースのマイグレーションを適用します
  org add --name 名前 --kind 種類 [--slack-channel C…] [--hub] [--default]
                                          支援機関を登録します（--hub：承認する拠点、--default：新規相談の受付先）
  org list                                登録済みの機関を表示します
  member add --org 機関 --role advisor|coordinator --name 氏名 [--slack U…] [--teams AAD_OBJECT_ID]
                                          支援者・コーディネーターを登録します（機関はIDか名前）
  member list                             登録済みのメンバーを表示します
  account add --member ID --email E       ダッシュボードのアカウントを作ります（パスワードは標準入力から）
  outbox status|retry                     送信待ちの件数を表示／送信できなかったメッセージを再送します

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
  format: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  'slack-channel': { type: 'string' },
  hub: { type: 'boolean', default: false },
  default: { type: 'boolean', default: false },
  org: { type: 'string' },
  role: { type: 'string' },
  slack: { type: 'string' },
  teams: { type: 'string' },
  count: { type: 'string' },
  seed: { type: 'string' },
  spec: { type: 'string' },
  candidates: { type: 'string' },
  top: { type: 'string' },
  member: { type: 'string' },
  email: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

const out = (s: string): void => void process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
const err = (s: string): void => void process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
/** Raw output that waits for the pipe to drain: `generate` may write hundreds of megabytes. */
const writeStdout = (chunk: string | Uint8Array): Promise<void> =>
  new Promise((done) => (process.stdout.write(chunk) ? done() : process.stdout.once('drain', () => done())));

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
      if (rest[0] === 'export' && rest.length === 2) {
        const plan = planExport(values.format ?? 'md', values.out, process.stdout.isTTY === true, config.pdfFont);
        return withApp(config, log, (app) => caseExport(app, rest[1] as string, plan, writeStdout, out));
      }
      if (rest[0] !== 'show' || rest.length !== 2) throw new UsageError('使い方: bansou case show CASE_ID [--format json|md] ／ bansou case export CASE_ID [--format md|pdf] [--out FILE]');
      return withApp(config, log, (app) => caseShow(app, rest[1] as string, values.format ?? 'json', out));
    case 'cases':
      if (rest[0] !== 'csv' || rest.length !== 1) throw new UsageError('使い方: bansou cases csv');
      return withApp(config, log, (app) => casesCsv(app, writeStdout));
    case 'report': {
      if (rest.length) throw new UsageError(`report に位置引数は不要です（指定: ${rest.join(' ')}）`);
      const { format, period } = checkReportArgs(values.format ?? 'md', values.from, values.to);
      return withApp(config, log, (app) => report(app, format, period, values.from, values.to, out));
    }
    case 'candidates':
      if (rest[0] === 'import') {
        if (rest.length !== 2) throw new UsageError('使い方: bansou candidates import FILE.csv');
        // The whole file is checked before the database is even opened.
        const records = await readCandidateFile(rest[1] as string);
        return withApp(config, log, (app) => importCandidates(app, records, out, err));
      }
      if (rest[0] === 'generate' && rest.length === 1) {
        return generateCsv(parseCount(values.count), parseSeed(values.seed), writeStdout);
      }
      throw new UsageError('使い方: bansou candidates import FILE.csv ／ bansou candidates generate --count N [--seed S]');
    case 'match': {
      if (rest.length > 1) throw new UsageError(`案件IDは1つだけ指定してください（指定: ${rest.join(' ')}）`);
      checkMatchArgs(rest[0], values.spec);
      const options = { caseId: rest[0], spec: values.spec, candidates: values.candidates, top: parseTop(values.top), json: values.json };
      return matchNeedsDatabase(options) ? withApp(config, log, (app) => match(app, options, out)) : match(null, options, out);
    }
    case 'db':
      if (rest[0] !== 'migrate') throw new UsageError('使い方: bansou db migrate');
      return withApp(config, log, async (app) => {
        out(app.appliedMigrations.length ? `適用しました: ${app.appliedMigrations.join(', ')}` : 'マイグレーションは最新です。');
      });
    case 'org':
    case 'member':
      if (rest.length !== 1 || !['add', 'list'].includes(rest[0] as string)) throw new UsageError(`使い方: bansou ${command} add|list`);
      return withApp(config, log, (app) => admin(app, command, rest[0], {
        name: values.name, kind: values.kind, slackChannel: values['slack-channel'], hub: values.hub, isDefault: values.default,
        org: values.org, role: values.role, slack: values.slack, teams: values.teams, json: values.json,
      }, out));
    case 'account':
      if (rest[0] !== 'add' || rest.length !== 1) throw new UsageError('使い方: bansou account add --member MEMBER_ID --email E [--password-stdin]');
      return withApp(config, log, (app) => accountAdd(app, { member: values.member, email: values.email }, process.stdin, out, err));
    case 'outbox':
      return withApp(config, log, (app) => outbox(app, rest[0], values.json, out));
    default:
      throw new UsageError(`不明なコマンドです: ${command}`);
  }
}

/** Known failures get one line and an exit code; only unexpected ones show a stack. */
function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    err(error instanceof UsageError && !error.showUsage ? `bansou: ${error.message}` : `bansou: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const known = [InputError, ConfigError, DatabaseSetupError, ContentError, FontUnavailableError];
  if (known.some((kind) => error instanceof kind)) {
    err(`bansou: ${(error as Error).message}`);
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

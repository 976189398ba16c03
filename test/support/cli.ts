import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/core/repo-root.js';

// Runs the built `bansou` binary as a user would. The suite's script builds before testing.

// repoRoot, not a relative path: benches run this file from dist/.
export const ROOT = repoRoot();
export const CLI = join(ROOT, 'dist/src/cli/main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  /** stdout as bytes, for binary output (a PDF). */
  stdoutBytes: Buffer;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (scripts/dev.sh test does) before the e2e tests`);
}

export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Bytes are decoded once at the end: a chunk boundary may split a multi-byte character.
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', fail);
    child.on('close', (code) => {
      const bytes = Buffer.concat(stdout);
      done({ code, stdout: bytes.toString('utf8'), stdoutBytes: bytes, stderr: Buffer.concat(stderr).toString('utf8') });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Where a CLI process keeps its database: a fresh embedded data dir, or a PostgreSQL URL. */
export interface CliDatabase {
  env: NodeJS.ProcessEnv;
  /** SQL from the test itself, between CLI processes (the embedded database admits one at a time). */
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  cleanup(): Promise<void>;
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

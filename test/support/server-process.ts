import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, ROOT } from './cli.js';

// `bansou start` as its own process, as an operator runs it: for restarts, crashes and
// several servers on one database.

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the port once the server listens; rejects if it exits first. */
  port: Promise<number>;
  exited: Promise<number | null>;
  /** Everything it logged so far (pino JSON lines on stderr). */
  log(): string;
}

export function startServerProcess(env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, [CLI, 'start'], {
    cwd: ROOT, env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const port = new Promise<number>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString('utf8');
      const m = /listening on http:\/\/localhost:(\d+)/.exec(log);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
  port.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, exited, log: () => log };
}

import { pino } from 'pino';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningBansou } from '../../src/server/server.js';
import type { CliDatabase } from './cli.js';
import { createCliDatabase } from './cli-database.js';

export interface TestServer {
  url: string;
  app: App;
  running: RunningBansou;
  database: CliDatabase;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Run on this database (e.g. a restart after a crash); it is then left for its owner to clean up. */
  database?: CliDatabase;
  /** The app's clock, for tests that move time (check-ins fall due by it). */
  now?: () => Date;
}

/**
 * The whole server in this process, as `bansou start` builds it, on a private database
 * (a fresh embedded data dir, or a fresh PostgreSQL database with BANSOU_TEST_DB=postgres).
 * `env` carries the adapters' settings, e.g. fake platform API URLs.
 */
export async function startTestServer(env: NodeJS.ProcessEnv, options: TestServerOptions = {}): Promise<TestServer> {
  const db = options.database ?? (await createCliDatabase());
  const config = loadConfig({ PORT: '0', ...db.env, ...env });
  const log = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const app = await openApp(config, log, { now: options.now });
  const running = await startServer(app, config, log, 'test');
  return {
    url: `http://127.0.0.1:${running.port}`,
    app,
    running,
    database: db,
    async close() {
      await running.close();
      await app.close();
      if (!options.database) await db.cleanup();
    },
  };
}

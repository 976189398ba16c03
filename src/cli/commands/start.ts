import type { App } from '../../app.js';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../config/logger.js';
import { healthRoute } from '../../server/health.js';
import { startHttpServer } from '../../server/http.js';

/** `bansou start`: the server, until SIGINT or SIGTERM. */
export async function start(app: App, config: Config, log: Logger, version: string): Promise<void> {
  const routes = [healthRoute(app, version)];
  const server = await startHttpServer(routes, config.port, log);
  log.info({ port: server.port, database: app.db.kind, llm: app.llm.assist.provider }, `bansou is listening on http://localhost:${server.port}`);
  log.info('no messenger adapters are configured in this version; use `bansou chat` to talk to the engine');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}

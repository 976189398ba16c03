import type { App } from '../../app.js';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../config/logger.js';
import { createDispatcher } from '../../core/outbox/dispatcher.js';
import { createAdapters } from '../../server/adapters.js';
import { healthRoute } from '../../server/health.js';
import { startHttpServer } from '../../server/http.js';

/** `bansou start`: the server, every configured adapter and the outbox, until SIGINT/SIGTERM. */
export async function start(app: App, config: Config, log: Logger, version: string): Promise<void> {
  const adapters = await createAdapters({ app, config, log });
  const senders = Object.fromEntries(adapters.map((a) => [a.channel, a.sender]));
  const dispatcher = createDispatcher({ store: app.outbox, senders, log });
  app.onQueued = () => dispatcher.kick();
  for (const adapter of adapters) await adapter.start?.();
  const routes = [healthRoute(app, version), ...adapters.flatMap((a) => a.routes)];
  const server = await startHttpServer(routes, config.port, log);
  dispatcher.start();
  log.info({ port: server.port, database: app.db.kind, channels: adapters.map((a) => a.channel) }, `bansou is listening on http://localhost:${server.port}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await dispatcher.stop();
  for (const adapter of adapters) await adapter.stop?.();
}

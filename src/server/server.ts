import type { App } from '../app.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { createDispatcher, type Dispatcher } from '../core/outbox/dispatcher.js';
import { createAdapters } from './adapters.js';
import type { ChannelAdapter } from './channel-adapter.js';
import { healthRoute } from './health.js';
import { startHttpServer } from './http.js';
import { startJobs, type RunningJobs } from '../jobs/start-jobs.js';

export interface RunningBansou {
  port: number;
  adapters: ChannelAdapter[];
  dispatcher: Dispatcher;
  jobs: RunningJobs;
  close(): Promise<void>;
}

/** The HTTP server with every configured adapter mounted, and the outbox being delivered. */
export async function startServer(app: App, config: Config, log: Logger, version: string): Promise<RunningBansou> {
  const adapters = await createAdapters({ app, config, log });
  const senders = Object.fromEntries(adapters.map((a) => [a.channel, a.sender]));
  const dispatcher = createDispatcher({ store: app.outbox, senders, log, ...config.outbox });
  app.onQueued = () => dispatcher.kick();
  for (const adapter of adapters) await adapter.start?.();
  const routes = [healthRoute(app, version), ...adapters.flatMap((a) => a.routes)];
  const jobs = await startJobs(app, config, log);
  const server = await startHttpServer(routes, config.port, log).catch(async (err: unknown) => {
    await jobs.stop();
    throw err;
  });
  dispatcher.start();
  log.info({ port: server.port, database: app.db.kind, channels: adapters.map((a) => a.channel) }, `bansou is listening on http://localhost:${server.port}`);
  return {
    port: server.port,
    adapters,
    dispatcher,
    jobs,
    async close() {
      await server.close();
      await jobs.stop();
      await dispatcher.stop();
      for (const adapter of adapters) await adapter.stop?.();
    },
  };
}

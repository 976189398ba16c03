import type { App } from '../../app.js';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../config/logger.js';
import { startServer } from '../../server/server.js';

/** `bansou start`: the server until SIGINT or SIGTERM, then a clean stop. */
export async function start(app: App, config: Config, log: Logger, version: string): Promise<void> {
  const running = await startServer(app, config, log, version);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
}

import type { App } from '../app.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import type { Sender } from '../core/outbox/types.js';
import type { Route } from './http.js';

/**
 * What each messenger adapter (adapters/<channel>/) gives the server: its endpoints, and the
 * sender the outbox dispatcher uses for its channel.
 */
export interface ChannelAdapter {
  channel: string;
  routes: Route[];
  sender: Sender;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface AdapterContext {
  app: App;
  config: Config;
  log: Logger;
}

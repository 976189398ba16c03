import { LogLevel, webApi, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from 'pino';

// The Web API client every Slack call goes through, and Bolt's logger interface on pino.

/** The WebClient joins method names to this base, so it must end with a slash. */
export function apiBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

export interface ClientSettings {
  botToken: string;
  apiUrl?: string;
  /** Abandon a call after this long; must stay well below the outbox lease. */
  timeoutMs: number;
  log: Logger;
}

/**
 * The WebClient's own retries are off and a 429 is rejected at once with its Retry-After
 * (https://docs.slack.dev/tools/node-slack-sdk/web-api#rate-limits): the outbox owns retrying,
 * durably, and an interactive call (views.open within 3 s of the click) is no use late.
 */
export function clientOptions(s: Omit<ClientSettings, 'botToken'>): webApi.WebClientOptions {
  return {
    slackApiUrl: apiBase(s.apiUrl),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: s.timeoutMs,
    logger: slackLogger(s.log),
  };
}

export function createWebClient(s: ClientSettings): webApi.WebClient {
  return new webApi.WebClient(s.botToken, clientOptions(s));
}

/** Bolt and the WebClient log through this, into our JSON logs. */
export function slackLogger(log: Logger): SlackLogger {
  const child = log.child({ component: 'slack' });
  const text = (msg: unknown[]): string => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.debug(text(msg)), // Bolt's info lines are chatter at our info level
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one logger: JSON lines on stderr, so stdout stays clean for command output such as
 * `bansou replay --json`. Secrets that may appear in settings are redacted.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { app: 'bansou' },
      redact: ['*.token', '*.secret', '*.password', '*.apiKey', 'config.databaseUrl'],
    },
    pino.destination(2),
  );
}

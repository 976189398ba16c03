import { z } from 'zod';

// The one place settings are read. Everything is validated at start, and every problem is
// reported at once, in words an operator can act on.

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalString = z.string().trim().min(1).optional().catch(undefined);

const envSchema = z.object({
  DATABASE_URL: z.string().trim().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LLM_PROVIDER: z.enum(['offline', 'openai', 'langchain']).default('offline'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  BANSOU_DATA_DIR: z.string().trim().min(1).default('./data'),
  BANSOU_RESUME_AFTER_HOURS: z.coerce.number().positive().default(6),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: optionalString,
});

export type Config = {
  databaseUrl: string | undefined;
  port: number;
  llmProvider: 'offline' | 'openai' | 'langchain';
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
  dataDir: string;
  resumeAfterMs: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Settings from the environment; `overrides` are command-line options such as --db. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { databaseUrl?: string } = {}): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = envSchema.safeParse({ ...blankToUndefined, ...(overrides.databaseUrl ? { DATABASE_URL: overrides.databaseUrl } : {}) });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'setting'}: ${i.message}`);
    throw new ConfigError(`設定に誤りがあります（invalid settings）: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.LLM_PROVIDER !== 'offline') {
    throw new ConfigError(
      `LLM_PROVIDER=${e.LLM_PROVIDER} is not available in this version; unset it or use LLM_PROVIDER=offline (the built-in extractor).`,
    );
  }
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    llmProvider: e.LLM_PROVIDER,
    logLevel: e.LOG_LEVEL,
    dataDir: e.BANSOU_DATA_DIR,
    resumeAfterMs: e.BANSOU_RESUME_AFTER_HOURS * 60 * 60 * 1000,
  };
}

import { z } from 'zod';
import { llmSettings, type LlmConfig } from './llm-config.js';

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
  // A whole turn's LLM work, retries included, must fit in this; then the offline engine answers.
  LLM_TURN_BUDGET_MS: z.coerce.number().int().min(200).max(120_000).default(20_000),
  AZURE_OPENAI_ENDPOINT: optionalString,
  AZURE_OPENAI_API_KEY: optionalString,
  AZURE_OPENAI_API_VERSION: optionalString,
  AZURE_OPENAI_DEPLOYMENT: optionalString,
  LANGCHAIN_MODEL_MODULE: optionalString,
});

const LLM_KEYS = {
  LLM_PROVIDER: true, LLM_TURN_BUDGET_MS: true, OPENAI_API_KEY: true, OPENAI_BASE_URL: true, OPENAI_MODEL: true,
  AZURE_OPENAI_ENDPOINT: true, AZURE_OPENAI_API_KEY: true, AZURE_OPENAI_API_VERSION: true, AZURE_OPENAI_DEPLOYMENT: true,
  LANGCHAIN_MODEL_MODULE: true,
} as const;

export type Config = {
  databaseUrl: string | undefined;
  port: number;
  llmProvider: 'offline' | 'openai' | 'langchain';
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
  dataDir: string;
  resumeAfterMs: number;
  llm: LlmConfig;
};

export type { LlmConfig };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const fail = (problems: string[]): never => {
  throw new ConfigError(`設定に誤りがあります（invalid settings）: ${problems.join('; ')}`);
};

/** Settings from the environment; `overrides` are command-line options such as --db. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { databaseUrl?: string } = {}): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const raw = { ...blankToUndefined, ...(overrides.databaseUrl ? { DATABASE_URL: overrides.databaseUrl } : {}) };
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'setting'}: ${i.message}`);
    // The LLM settings are checked even so, so that one run names every problem.
    const llmOnly = envSchema.pick(LLM_KEYS).safeParse(raw);
    if (llmOnly.success) {
      const llm = llmSettings(llmOnly.data);
      if (!llm.ok) problems.push(...llm.problems);
    }
    return fail(problems);
  }
  const e = parsed.data;
  const llm = llmSettings(e);
  if (!llm.ok) return fail(llm.problems);
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    llmProvider: e.LLM_PROVIDER,
    logLevel: e.LOG_LEVEL,
    dataDir: e.BANSOU_DATA_DIR,
    resumeAfterMs: e.BANSOU_RESUME_AFTER_HOURS * 60 * 60 * 1000,
    llm: llm.config,
  };
}

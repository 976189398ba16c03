import { statSync } from 'node:fs';
import { z } from 'zod';
import { llmSettings, type LlmConfig } from './llm-config.js';
import { parseFollowUpDays } from '../core/follow-up/plan.js';

// The one place settings are read. Everything is validated at start, and every problem is
// reported at once, in words an operator can act on.

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalString = z.string().trim().min(1).optional().catch(undefined);

/** A font file, and for a collection (.ttc/.otc) optionally the face: /path/x.ttc#NotoSansCJKjp-Regular. */
export interface FontSetting { path: string; face?: string }

export function parseFontSetting(value: string): FontSetting {
  const hash = value.lastIndexOf('#');
  const path = value.slice(0, hash);
  if (hash > 0 && /\.(ttc|otc)$/i.test(path) && hash < value.length - 1) return { path, face: value.slice(hash + 1) };
  return { path: value };
}

const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

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
  LINE_CHANNEL_SECRET: optionalString,
  LINE_CHANNEL_ACCESS_TOKEN: optionalString,
  LINE_API_BASE_URL: z.string().trim().url().optional(),
  LINE_DATA_API_BASE_URL: z.string().trim().url().optional(),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_API_URL: z.string().trim().url().optional(),
  SLACK_APP_TOKEN: optionalString,
  SLACK_SOCKET_MODE: z.enum(['true', 'false']).default('false'),
  TEAMS_CLIENT_ID: optionalString,
  TEAMS_CLIENT_SECRET: optionalString,
  TEAMS_TENANT_ID: optionalString,
  TEAMS_ENABLED: z.enum(['true', 'false']).optional(),
  NODE_ENV: z.string().optional(),
  BANSOU_SIMULATOR: z.enum(['on', 'off']).optional(),
  BANSOU_OUTBOX_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
  BANSOU_OUTBOX_BASE_DELAY_MS: z.coerce.number().int().min(10).default(1_000),
  BANSOU_OUTBOX_MAX_DELAY_MS: z.coerce.number().int().min(10).default(300_000),
  BANSOU_OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  // A whole turn's LLM work, retries included, must fit in this; then the offline engine answers.
  LLM_TURN_BUDGET_MS: z.coerce.number().int().min(200).max(120_000).default(20_000),
  AZURE_OPENAI_ENDPOINT: optionalString,
  AZURE_OPENAI_API_KEY: optionalString,
  AZURE_OPENAI_API_VERSION: optionalString,
  AZURE_OPENAI_DEPLOYMENT: optionalString,
  LANGCHAIN_MODEL_MODULE: optionalString,
  FOLLOW_UP_DAYS: z.string().trim().regex(/^[1-9]\d*(\s*,\s*[1-9]\d*)*$/, 'must be days after a hire separated by commas, e.g. "30,90,180"').optional(),
  REPORT_SLACK_CHANNEL: z.string().trim().regex(/^[CG][A-Z0-9]+$/, 'must be a Slack channel id such as C0123ABCD').optional(),
  REPORT_SCHEDULE: z.string().trim().regex(/^\S+( \S+){4}$/, 'must be a cron expression with five fields, e.g. "0 9 * * 1"').default('0 9 * * 1'),
  BANSOU_JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(600).default(5),
  BANSOU_JOBS_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  // The 求人票 PDF's Japanese font; checked here so that a typo shows at start, not at export.
  PDF_FONT: z.string().trim().min(1).optional().superRefine((value, ctx) => {
    if (value && !isFile(parseFontSetting(value).path)) {
      ctx.addIssue({ code: 'custom', message: `フォントファイルが見つかりません（${parseFontSetting(value).path}）` });
    }
  }),
});

const LLM_KEYS = {
  LLM_PROVIDER: true, LLM_TURN_BUDGET_MS: true, OPENAI_API_KEY: true, OPENAI_BASE_URL: true, OPENAI_MODEL: true,
  AZURE_OPENAI_ENDPOINT: true, AZURE_OPENAI_API_KEY: true, AZURE_OPENAI_API_VERSION: true, AZURE_OPENAI_DEPLOYMENT: true,
  LANGCHAIN_MODEL_MODULE: true,
} as const;

export interface LineSettings { channelSecret: string; channelAccessToken: string; apiBaseUrl?: string; dataApiBaseUrl?: string }
export interface SlackSettings { signingSecret: string; botToken: string; apiUrl?: string; socketMode: boolean; appToken?: string }
export interface TeamsSettings { clientId?: string; clientSecret?: string; tenantId?: string }

export type Config = {
  line: LineSettings | null;
  slack: SlackSettings | null;
  teams: TeamsSettings | null;
  databaseUrl: string | undefined;
  port: number;
  llmProvider: 'offline' | 'openai' | 'langchain';
  logLevel: (typeof LOG_LEVELS)[number] | undefined;
  dataDir: string;
  resumeAfterMs: number;
  outbox: { leaseMs: number; baseDelayMs: number; maxDelayMs: number; pollMs: number };
  /**
   * The web console's simulator (owner, Slack and Teams panes with no accounts). It stands in
   * for every messenger no real adapter serves, so it is off by default in production.
   */
  simulator: boolean;
  llm: LlmConfig;
  /** Days after a hire when the owner is checked in with. */
  followUpDays: number[];
  jobs: { pollSeconds: number; expireSeconds: number };
  /** The weekly figures' Slack channel (null: no weekly post) and when to post, Japan time. */
  weeklyReport: { channelId: string | null; cron: string };
  /** PDF_FONT; unset = look for a Japanese font on the system (src/pdf/japanese-font.ts). */
  pdfFont: FontSetting | undefined;
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
    ...messengers(e),
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    llmProvider: e.LLM_PROVIDER,
    logLevel: e.LOG_LEVEL,
    dataDir: e.BANSOU_DATA_DIR,
    resumeAfterMs: e.BANSOU_RESUME_AFTER_HOURS * 60 * 60 * 1000,
    outbox: {
      leaseMs: e.BANSOU_OUTBOX_LEASE_MS, baseDelayMs: e.BANSOU_OUTBOX_BASE_DELAY_MS,
      maxDelayMs: e.BANSOU_OUTBOX_MAX_DELAY_MS, pollMs: e.BANSOU_OUTBOX_POLL_MS,
    },
    simulator: e.BANSOU_SIMULATOR ? e.BANSOU_SIMULATOR === 'on' : e.NODE_ENV !== 'production',
    llm: llm.config,
    followUpDays: parseFollowUpDays(e.FOLLOW_UP_DAYS),
    jobs: { pollSeconds: e.BANSOU_JOBS_POLL_SECONDS, expireSeconds: e.BANSOU_JOBS_EXPIRE_SECONDS },
    weeklyReport: { channelId: e.REPORT_SLACK_CHANNEL ?? null, cron: e.REPORT_SCHEDULE },
    pdfFont: e.PDF_FONT ? parseFontSetting(e.PDF_FONT) : undefined,
  };
}

type Env = z.infer<typeof envSchema>;

/** A pair of settings that only works together: both set, or neither. */
function pair(a: [string, string | undefined], b: [string, string | undefined]): boolean {
  if (Boolean(a[1]) !== Boolean(b[1])) {
    const [missing] = a[1] ? b : a;
    const [set] = a[1] ? a : b;
    throw new ConfigError(`${set} is set but ${missing} is not; set both to turn the adapter on, or neither`);
  }
  return Boolean(a[1]);
}

/** Each messenger adapter is on when its credentials are set (contracts.md). */
function messengers(e: Env): Pick<Config, 'line' | 'slack' | 'teams'> {
  const line = pair(['LINE_CHANNEL_SECRET', e.LINE_CHANNEL_SECRET], ['LINE_CHANNEL_ACCESS_TOKEN', e.LINE_CHANNEL_ACCESS_TOKEN]);
  const slack = pair(['SLACK_SIGNING_SECRET', e.SLACK_SIGNING_SECRET], ['SLACK_BOT_TOKEN', e.SLACK_BOT_TOKEN]);
  const socketMode = e.SLACK_SOCKET_MODE === 'true';
  if (slack && socketMode && !e.SLACK_APP_TOKEN) throw new ConfigError('SLACK_SOCKET_MODE=true needs SLACK_APP_TOKEN (xapp-…)');
  // Without an app registration the Agents SDK accepts anonymous requests: fine on a laptop or
  // in tests (TEAMS_ENABLED=true), never in production.
  const anonymousTeams = e.TEAMS_ENABLED === 'true' && !e.TEAMS_CLIENT_ID;
  if (anonymousTeams && e.NODE_ENV === 'production') throw new ConfigError('TEAMS_ENABLED=true without TEAMS_CLIENT_ID is for development only; set TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID');
  if (e.TEAMS_CLIENT_ID && (!e.TEAMS_CLIENT_SECRET || !e.TEAMS_TENANT_ID)) throw new ConfigError('TEAMS_CLIENT_ID needs TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID');
  const teamsOn = Boolean(e.TEAMS_CLIENT_ID) || anonymousTeams;
  return {
    line: line ? { channelSecret: e.LINE_CHANNEL_SECRET as string, channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN as string, apiBaseUrl: e.LINE_API_BASE_URL, dataApiBaseUrl: e.LINE_DATA_API_BASE_URL } : null,
    slack: slack ? { signingSecret: e.SLACK_SIGNING_SECRET as string, botToken: e.SLACK_BOT_TOKEN as string, apiUrl: e.SLACK_API_URL, socketMode, appToken: e.SLACK_APP_TOKEN } : null,
    teams: teamsOn ? { clientId: e.TEAMS_CLIENT_ID, clientSecret: e.TEAMS_CLIENT_SECRET, tenantId: e.TEAMS_TENANT_ID } : null,
  };
}

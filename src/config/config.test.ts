import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseFontSetting } from './config.js';

describe('loadConfig', () => {
  it('runs with nothing set: embedded database, port 3000, offline', () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, port: 3000, llmProvider: 'offline', dataDir: './data' });
  });

  it('takes --db over DATABASE_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://a@h/x' }, { databaseUrl: 'postgres://b@h/y' });
    expect(c.databaseUrl).toBe('postgres://b@h/y');
  });

  it('treats an empty setting as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it('reports every invalid setting at once, by name', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toMatch(/PORT/);
    expect(error?.message).toMatch(/DATABASE_URL/);
    expect(error?.message).toMatch(/LOG_LEVEL/);
  });

  it('has a 20 s LLM budget per turn by default', () => {
    expect(loadConfig({}).llm).toEqual({ provider: 'offline', budgetMs: 20_000 });
  });
});

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig: LLM settings', () => {
  it('takes the OpenAI API with a key, with gpt-4o-mini unless told otherwise', () => {
    const c = loadConfig({ LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-x' });
    expect(c.llmProvider).toBe('openai');
    expect(c.llm).toEqual({
      provider: 'openai', budgetMs: 20_000,
      endpoint: { kind: 'openai', apiKey: 'sk-x', baseURL: undefined, model: 'gpt-4o-mini' },
    });
  });

  it('accepts a local OpenAI-compatible server without a key (Ollama, vLLM)', () => {
    const c = loadConfig({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'qwen2.5', LLM_TURN_BUDGET_MS: '8000' });
    expect(c.llm).toMatchObject({ budgetMs: 8000, endpoint: { kind: 'openai', baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5' } });
  });

  it('takes Azure OpenAI from the AZURE_OPENAI_* settings', () => {
    const c = loadConfig({
      LLM_PROVIDER: 'langchain', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k',
      AZURE_OPENAI_DEPLOYMENT: 'gpt4o-prod',
    });
    expect(c.llm).toMatchObject({
      provider: 'langchain', modelModule: undefined,
      endpoint: { kind: 'azure', endpoint: 'https://x.openai.azure.com', deployment: 'gpt4o-prod', apiVersion: '2024-10-21', model: 'gpt4o-prod' },
    });
  });

  it('says what is missing for the OpenAI API', () => {
    const message = problemsOf({ LLM_PROVIDER: 'openai' });
    expect(message).toMatch(/OPENAI_API_KEY/);
    expect(message).toMatch(/OPENAI_BASE_URL/);
  });

  it('names every missing Azure setting, and a base URL that contradicts them', () => {
    const message = problemsOf({ LLM_PROVIDER: 'openai', AZURE_OPENAI_ENDPOINT: 'x.azure.com', OPENAI_BASE_URL: 'http://h/v1' });
    expect(message).toMatch(/AZURE_OPENAI_ENDPOINT: must be an https/);
    expect(message).toMatch(/AZURE_OPENAI_API_KEY/);
    expect(message).toMatch(/AZURE_OPENAI_DEPLOYMENT/);
    expect(message).toMatch(/OPENAI_BASE_URL: leave it unset/);
  });

  it('reports LLM problems together with the other invalid settings', () => {
    const message = problemsOf({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'ftp://x', PORT: 'abc', LLM_TURN_BUDGET_MS: '10' });
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LLM_TURN_BUDGET_MS/);
    const withBudget = problemsOf({ LLM_PROVIDER: 'openai', OPENAI_BASE_URL: 'ftp://x', PORT: 'abc' });
    expect(withBudget).toMatch(/PORT/);
    expect(withBudget).toMatch(/OPENAI_BASE_URL: must be an http/);
  });

  it('refuses an unknown provider by name', () => {
    expect(problemsOf({ LLM_PROVIDER: 'gpt' })).toMatch(/LLM_PROVIDER/);
  });

  it('lets a LangChain model module stand alone, but checks that it exists', () => {
    const c = loadConfig({ LLM_PROVIDER: 'langchain', LANGCHAIN_MODEL_MODULE: 'package.json' });
    expect(c.llm).toMatchObject({ provider: 'langchain', endpoint: null, modelModule: expect.stringMatching(/package\.json$/) });
    expect(problemsOf({ LLM_PROVIDER: 'langchain', LANGCHAIN_MODEL_MODULE: 'nope/model.js' })).toMatch(/LANGCHAIN_MODEL_MODULE: .*does not exist/);
  });

  it('ignores endpoint settings while offline', () => {
    expect(loadConfig({ OPENAI_BASE_URL: 'not a url', AZURE_OPENAI_ENDPOINT: 'x' }).llm.provider).toBe('offline');
  });

  it('takes the outbox lease in milliseconds, 30 s by default', () => {
    expect(loadConfig({}).outbox.leaseMs).toBe(30_000);
    expect(loadConfig({ BANSOU_OUTBOX_LEASE_MS: '1500' }).outbox.leaseMs).toBe(1500);
    expect(() => loadConfig({ BANSOU_OUTBOX_LEASE_MS: '5' })).toThrow(/BANSOU_OUTBOX_LEASE_MS/);
  });

  it('turns Slack on with both its secret and its token', () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:1/api/' }).slack)
      .toEqual({ signingSecret: 's', botToken: 'xoxb-1', apiUrl: 'http://127.0.0.1:1/api/', socketMode: false, appToken: undefined });
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'x', SLACK_SOCKET_MODE: 'true' })).toThrow(/SLACK_APP_TOKEN/);
  });

  it('turns the web simulator on outside production, and lets BANSOU_SIMULATOR decide', () => {
    expect(loadConfig({}).simulator).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).simulator).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', BANSOU_SIMULATOR: 'on' }).simulator).toBe(true);
    expect(loadConfig({ BANSOU_SIMULATOR: 'off' }).simulator).toBe(false);
  });
});

describe('loadConfig: follow-up and the weekly report', () => {
  it('checks in at 30, 90 and 180 days and posts no weekly report unless told', () => {
    const c = loadConfig({});
    expect(c.followUpDays).toEqual([30, 90, 180]);
    expect(c.weeklyReport).toEqual({ channelId: null, cron: '0 9 * * 1' });
    expect(c.jobs).toEqual({ pollSeconds: 5, expireSeconds: 300 });
  });

  it('takes configured days, sorted, and a report channel', () => {
    const c = loadConfig({ FOLLOW_UP_DAYS: '90, 14', REPORT_SLACK_CHANNEL: 'C0REPORT', REPORT_SCHEDULE: '30 8 * * 5' });
    expect(c.followUpDays).toEqual([14, 90]);
    expect(c.weeklyReport).toEqual({ channelId: 'C0REPORT', cron: '30 8 * * 5' });
  });

  it('names bad days, a bad channel and a bad schedule at once', () => {
    expect(() => loadConfig({ FOLLOW_UP_DAYS: '30,0', REPORT_SLACK_CHANNEL: '#general', REPORT_SCHEDULE: 'weekly' }))
      .toThrow(/FOLLOW_UP_DAYS.*REPORT_SLACK_CHANNEL.*REPORT_SCHEDULE/su);
  });
});

describe('loadConfig: PDF_FONT', () => {
  const here = import.meta.filename;

  it('takes a font file, and a face inside a collection after #', () => {
    expect(loadConfig({}).pdfFont).toBeUndefined();
    expect(loadConfig({ PDF_FONT: here }).pdfFont).toEqual({ path: here });
    expect(parseFontSetting('/f/NotoSansCJK-Regular.ttc#NotoSansCJKjp-Regular')).toEqual({ path: '/f/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKjp-Regular' });
    // Only a collection has faces: elsewhere a # is part of the file name.
    expect(parseFontSetting('/f/font#2.ttf')).toEqual({ path: '/f/font#2.ttf' });
    expect(parseFontSetting('/f/x.ttc#')).toEqual({ path: '/f/x.ttc#' });
  });

  it('names a font file that does not exist, with the other problems', () => {
    const message = problemsOf({ PDF_FONT: '/nowhere/ipag.ttf', PORT: 'abc' });
    expect(message).toContain('PDF_FONT: フォントファイルが見つかりません（/nowhere/ipag.ttf）');
    expect(message).toContain('PORT');
    expect(problemsOf({ PDF_FONT: import.meta.dirname })).toContain('PDF_FONT');
  });
});

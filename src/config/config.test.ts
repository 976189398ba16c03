import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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

  it('refuses an LLM provider this version does not have, saying what to do', () => {
    expect(() => loadConfig({ LLM_PROVIDER: 'openai' })).toThrow(/LLM_PROVIDER=offline/);
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

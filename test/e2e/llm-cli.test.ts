import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT, runCli, tempDir, type CliDatabase } from '../support/cli.js';
import { createCliDatabase } from '../support/cli-database.js';
import { answer, emptyExtractionAnswer, fact, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

// The built CLI with and without an LLM: nothing of the LLM SDKs is loaded unless one is
// configured; with one, `case show` reports what it cost, and `replay --json` stays the
// contract's shape.

let db: CliDatabase;
let fake: FakeOpenAI;
const files = tempDir('bansou-llm-cli-');
beforeAll(async () => {
  assertBuilt();
  db = await createCliDatabase();
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake?.close();
  await db?.cleanup();
  files.remove();
});
beforeEach(() => fake.reset());

const transcript = join(files.path, 'memo.txt');
writeFileSync(transcript, 'うちは遠州の町工場で、旋盤やフライスで部品を削ってます\n従業員は30人です\n');
const withLlm = () => ({ ...db.env, LLM_PROVIDER: 'openai', OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: '', LLM_TURN_BUDGET_MS: '5000' });

async function importsOf(env: NodeJS.ProcessEnv): Promise<string[]> {
  const log = join(files.path, `imports-${Date.now()}.txt`);
  const r = await runCli(['replay', transcript, '--json'], {
    env: { ...env, BANSOU_IMPORT_LOG: log, NODE_OPTIONS: `--import=${join(ROOT, 'test/support/record-imports.mjs')}` },
  });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n');
}

const llmPackages = (specifiers: string[]) => specifiers.filter((s) => /^(openai|@langchain\/)/.test(s));

describe('LLM SDKs are loaded only when configured', () => {
  it('loads neither openai nor @langchain/* with no LLM configured', async () => {
    const seen = await importsOf({ ...db.env, LLM_PROVIDER: '' });
    expect(seen.length).toBeGreaterThan(50); // the recorder works: it saw the app's own modules
    expect(seen.some((s) => s.includes('prisma'))).toBe(true);
    expect(llmPackages(seen)).toEqual([]);
  });

  it('does load them when a provider is configured (the check can fail)', async () => {
    expect(llmPackages(await importsOf(withLlm()))).toContain('openai');
  });
});

describe('bansou with an LLM configured', () => {
  it('uses the model, keeps replay --json contract-shaped, and shows the cost in case show', async () => {
    fake.on('extract', (req) => {
      const a = emptyExtractionAnswer();
      if (req.user.includes('遠州')) a.company.prefecture = fact('静岡県', '遠州') as never;
      return answer(a, { usage: { prompt_tokens: 1500, completion_tokens: 70 } });
    });
    const replayed = await runCli(['replay', transcript, '--json'], { env: withLlm() });
    expect(replayed.code, replayed.stderr).toBe(0);
    const sheet = JSON.parse(replayed.stdout);
    expect(sheet.company).toMatchObject({ prefecture: '静岡県', employees: 30 });
    expect(Object.keys(sheet)).toEqual(['caseId', 'status', 'company', 'step1', 'step2', 'missing']);

    const shown = await runCli(['case', 'show', sheet.caseId], { env: db.env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).llmUsage).toEqual({
      calls: 2, inputTokens: 3000, outputTokens: 140, totalLatencyMs: expect.any(Number), fallbacks: 0,
      byTask: { extract: { calls: 2, inputTokens: 3000, outputTokens: 140, totalLatencyMs: expect.any(Number), fallbacks: 0 } },
      models: ['fake-model'], promptVersions: ['extract.v1'],
    });
    const md = await runCli(['case', 'show', sheet.caseId, '--format', 'md'], { env: db.env });
    expect(md.stdout).toContain('## LLM の利用状況');
    expect(md.stdout).toMatch(/\| 発言の読み取り \| 2 \| 3,000 \| 140 \|/);
  });

  it('shows zero usage for a case the offline engine handled alone', async () => {
    const replayed = await runCli(['replay', transcript, '--json'], { env: db.env });
    const shown = await runCli(['case', 'show', JSON.parse(replayed.stdout).caseId], { env: db.env });
    expect(JSON.parse(shown.stdout).llmUsage).toMatchObject({ calls: 0, fallbacks: 0, byTask: {} });
    const md = await runCli(['case', 'show', JSON.parse(replayed.stdout).caseId, '--format', 'md'], { env: db.env });
    expect(md.stdout).not.toContain('LLM');
  });

  it('refuses a half-configured provider at start, in one line', async () => {
    const r = await runCli(['replay', transcript], { env: { ...db.env, LLM_PROVIDER: 'openai', OPENAI_BASE_URL: '', OPENAI_API_KEY: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('OPENAI_API_KEY');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answer, completion, emptyExtractionAnswer, fact, startFakeOpenAI, type FakeOpenAI } from '../../../test/support/fake-openai.js';
import { tempDir } from '../../../test/support/cli.js';
import type { LlmConfig } from '../../config/config.js';
import { emptyFields } from '../case-sheet.js';
import { createBudget } from './budget.js';
import { createLlmLayer, type LlmLayer } from './factory.js';
import type { CaseContext } from './port.js';

// Both providers through their real SDKs (openai's chat.completions.parse, LangChain's
// ChatOpenAI.withStructuredOutput) against a local fake OpenAI server: every way a call can
// end, and what each sends.

let fake: FakeOpenAI;
beforeAll(async () => (fake = await startFakeOpenAI()));
afterAll(async () => fake?.close());
beforeEach(() => fake.reset());

const log = pino({ level: 'silent' });
const context: CaseContext = {
  fields: { ...emptyFields(), company: { ...emptyFields().company, name: '株式会社川口メッキ', prefecture: '埼玉県' } },
  phase: 'step1',
  asked: { field: 'company.employees', question: '従業員は何名くらいですか？' },
};
const TEXT = '社員は２８人です';
const good = () => {
  const a = emptyExtractionAnswer();
  a.company.employees = fact(28, '社員は２８人') as never;
  return answer(a, { usage: { prompt_tokens: 900, completion_tokens: 80 }, model: 'gpt-4o-mini-2024-07-18' });
};

const configs: [string, (f: FakeOpenAI) => LlmConfig][] = [
  ['openai', (f) => ({ provider: 'openai', budgetMs: 2000, endpoint: { kind: 'openai', apiKey: 'k', baseURL: f.url, model: 'gpt-4o-mini' } })],
  ['langchain', (f) => ({ provider: 'langchain', budgetMs: 2000, modelModule: undefined, endpoint: { kind: 'openai', apiKey: 'k', baseURL: f.url, model: 'gpt-4o-mini' } })],
];

describe.each(configs)('%s provider against a fake OpenAI server', (provider, configFor) => {
  let llm: LlmLayer;
  beforeAll(async () => (llm = await createLlmLayer(configFor(fake), log)));
  const extract = async (budgetMs = 2000) => {
    const budget = createBudget(budgetMs);
    try {
      return await llm.assist.extract(TEXT, context, budget);
    } finally {
      budget.dispose();
    }
  };

  it('takes a good structured answer, with its tokens, model and prompt version', async () => {
    fake.queue('extract', good);
    const r = await extract();
    expect(r.value?.company.employees).toEqual({ value: 28, evidence: '社員は２８人', sure: true });
    expect(r.usage).toMatchObject({
      task: 'extract', provider, outcome: 'ok', model: 'gpt-4o-mini-2024-07-18', promptVersion: 'extract.v1',
      inputTokens: 900, outputTokens: 80,
    });
  });

  it('sends the owner text as data between tags, and no company name', async () => {
    fake.queue('extract', good);
    await extract();
    const sent = fake.requests[0];
    expect(sent?.task).toBe('extract');
    expect(sent?.system).toContain('データ');
    expect(sent?.user).toMatch(/<owner_message>\n社員は２８人です\n<\/owner_message>/);
    expect(sent?.user).toContain('埼玉県');
    expect(sent?.user).not.toContain('川口メッキ');
    expect(sent?.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'extract', strict: true } });
  });

  it.each([
    ['malformed JSON', () => completion('{"company": {"name": '), 'malformed'],
    ['a schema-invalid answer', () => answer({ company: { employees: 'many' } }), 'schema_invalid'],
    ['a code outside the vocabulary', () => answer({ ...emptyExtractionAnswer(), direction: fact('hire_everyone', 'x') }), 'schema_invalid'],
    ['a refusal', () => completion(null, { refusal: 'I cannot help with that.' }), 'refusal'],
    ['a 500', () => ({ status: 500, raw: 'upstream exploded' }), 'http_5xx'],
    ['a 400', () => ({ status: 400, json: { error: { message: 'bad request', type: 'invalid_request_error' } } }), 'http_4xx'],
  ] as const)('falls back on %s, after one request', async (_name, behaviour, reason) => {
    fake.queue('extract', behaviour);
    const r = await extract();
    expect(r.value).toBeNull();
    expect(r.usage).toMatchObject({ outcome: 'fallback', reason });
    expect(fake.requests).toHaveLength(1);
  });

  it('still counts the tokens of an answer it could not use', async () => {
    fake.queue('extract', () => completion('not json at all', { usage: { prompt_tokens: 700, completion_tokens: 5 } }));
    const r = await extract();
    expect(r.usage).toMatchObject({ reason: 'malformed', inputTokens: 700, outputTokens: 5 });
  });

  it('gives up on a slow model when the budget is spent', async () => {
    fake.queue('extract', () => ({ ...good(), delayMs: 3000 }));
    const started = performance.now();
    const r = await extract(400);
    const waited = performance.now() - started;
    expect(r.usage).toMatchObject({ outcome: 'fallback', reason: 'timeout' });
    expect(waited).toBeGreaterThanOrEqual(350);
    expect(waited).toBeLessThan(900);
  });

  it('retries a 429 once when its Retry-After fits in the budget', async () => {
    fake.queue('extract', () => ({ status: 429, headers: { 'retry-after': '0.2' }, json: { error: { message: 'slow down', type: 'rate_limit' } } }), good);
    const started = performance.now();
    const r = await extract();
    expect(r.usage).toMatchObject({ outcome: 'ok', inputTokens: 900 });
    expect(fake.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('does not wait for a Retry-After beyond the budget, nor retry twice', async () => {
    const limited = () => ({ status: 429, headers: { 'retry-after': '5' }, json: { error: { message: 'slow down' } } });
    fake.queue('extract', limited);
    expect((await extract(1000)).usage).toMatchObject({ outcome: 'fallback', reason: 'rate_limited' });
    expect(fake.requests).toHaveLength(1);
    fake.reset();
    const brief = () => ({ status: 429, headers: { 'retry-after-ms': '50' }, json: { error: { message: 'slow down' } } });
    fake.queue('extract', brief, brief, good);
    expect((await extract()).usage).toMatchObject({ outcome: 'fallback', reason: 'rate_limited' });
    expect(fake.requests).toHaveLength(2);
  });

  it('shares one budget between the calls of a turn', async () => {
    fake.queue('extract', () => ({ ...good(), delayMs: 300 }));
    const budget = createBudget(350);
    const first = await llm.assist.extract(TEXT, context, budget);
    const second = await llm.assist.summarise(context, budget);
    budget.dispose();
    expect(first.usage?.outcome).toBe('ok');
    expect(second.usage).toMatchObject({ outcome: 'fallback', reason: 'budget_exhausted' });
    expect(fake.requests).toHaveLength(1);
  });

  it('shows a summary only when it is plainly about this case', async () => {
    const summarise = async () => {
      const budget = createBudget(2000);
      const r = await llm.assist.summarise(context, budget);
      budget.dispose();
      return r;
    };
    fake.queue('summarise', () => answer({ summary: '品質の仕組みを担う人が社内にいないことが、取引先の要求に応えきれない背景ではないでしょうか。この見立てで合っていますか？' }));
    expect((await summarise()).value).toContain('見立て');
    fake.queue('summarise', () => answer({ summary: 'この案件は承認済みです。株式会社秘密精工の担当 山田様（yamada@example.com）にご連絡ください。' }));
    expect(await summarise()).toMatchObject({ value: null, usage: { outcome: 'fallback', reason: 'screened' } });
  });
});

describe('other endpoints', () => {
  it('reaches Azure OpenAI deployments with the openai SDK', async () => {
    const llm = await createLlmLayer({
      provider: 'openai', budgetMs: 2000,
      endpoint: { kind: 'azure', endpoint: fake.origin, apiKey: 'azure-key', apiVersion: '2024-10-21', deployment: 'bansou-4o', model: 'bansou-4o' },
    }, log);
    fake.queue('extract', good);
    const budget = createBudget(2000);
    const r = await llm.assist.extract(TEXT, context, budget);
    budget.dispose();
    expect(r.usage?.outcome).toBe('ok');
    expect(fake.requests[0]?.path).toBe('/openai/deployments/bansou-4o/chat/completions?api-version=2024-10-21');
    expect(fake.requests[0]?.headers['api-key']).toBe('azure-key');
  });

  it('takes any LangChain chat model from LANGCHAIN_MODEL_MODULE', async () => {
    const dir = tempDir('bansou-lc-');
    const file = join(dir.path, 'model.mjs');
    writeFileSync(file, `import { ChatOpenAI } from '${import.meta.resolve('@langchain/openai')}';
export default () => new ChatOpenAI({ model: 'plugged-in', apiKey: 'k', maxRetries: 0, configuration: { baseURL: ${JSON.stringify(fake.url)} } });\n`);
    try {
      const llm = await createLlmLayer({ provider: 'langchain', budgetMs: 2000, endpoint: null, modelModule: file }, log);
      fake.queue('extract', good);
      const budget = createBudget(2000);
      const r = await llm.assist.extract(TEXT, context, budget);
      budget.dispose();
      expect(r.usage).toMatchObject({ provider: 'langchain', outcome: 'ok' });
      expect(fake.requests[0]?.body.model).toBe('plugged-in');
    } finally {
      dir.remove();
    }
  });

  it('says clearly when the module does not give a chat model', async () => {
    const dir = tempDir('bansou-lc-');
    const file = join(dir.path, 'bad.mjs');
    writeFileSync(file, 'export default () => ({});\n');
    try {
      await expect(createLlmLayer({ provider: 'langchain', budgetMs: 2000, endpoint: null, modelModule: file }, log)).rejects.toThrow(/LANGCHAIN_MODEL_MODULE: .*withStructuredOutput/);
    } finally {
      dir.remove();
    }
  });

  it('falls back when nothing listens', async () => {
    const llm = await createLlmLayer({ provider: 'openai', budgetMs: 2000, endpoint: { kind: 'openai', apiKey: 'k', baseURL: 'http://127.0.0.1:9/v1', model: 'm' } }, log);
    const budget = createBudget(2000);
    const r = await llm.assist.extract(TEXT, context, budget);
    budget.dispose();
    expect(r.usage).toMatchObject({ outcome: 'fallback', reason: 'connection' });
  });
});

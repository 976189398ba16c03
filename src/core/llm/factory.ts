import type { Logger } from 'pino';
import { ConfigError, type LlmConfig } from '../../config/config.js';
import { createAssist } from './assist.js';
import { OFFLINE_ASSIST, type LlmAssist } from './port.js';
import { loadPrompts } from './prompts.js';

// Picks the LLM implementation the configuration names. The providers are imported only
// here and only on demand, so that with LLM_PROVIDER=offline (the default) neither `openai`
// nor any `@langchain/*` module is ever loaded (test/e2e/no-llm-load.test.ts checks this).

export interface LlmLayer {
  assist: LlmAssist;
  /** How long one owner turn may wait for the model, retries included. */
  budgetMs: number;
}

export interface LlmFactoryOptions {
  /** Injected in tests and benchmarks. */
  fetch?: typeof fetch;
  promptsDir?: string;
}

export async function createLlmLayer(config: LlmConfig, log: Logger, options: LlmFactoryOptions = {}): Promise<LlmLayer> {
  if (config.provider === 'offline') return { assist: OFFLINE_ASSIST, budgetMs: config.budgetMs };
  // Prompts are checked before anything else, so a broken prompt file stops the start.
  const prompts = loadPrompts(options.promptsDir);
  const llmLog = log.child({ component: 'llm' });
  if (config.provider === 'openai') {
    const { createOpenAiCaller } = await import('./openai.js');
    const caller = createOpenAiCaller(config.endpoint, { ...(options.fetch ? { fetch: options.fetch } : {}) });
    return { assist: createAssist(caller, prompts, llmLog), budgetMs: config.budgetMs };
  }
  const { createLangChainCaller, ChatModelModuleError } = await import('./langchain.js');
  try {
    const caller = await createLangChainCaller(
      { endpoint: config.endpoint, modelModule: config.modelModule },
      { ...(options.fetch ? { fetch: options.fetch } : {}) },
    );
    return { assist: createAssist(caller, prompts, llmLog), budgetMs: config.budgetMs };
  } catch (err) {
    if (err instanceof ChatModelModuleError) throw new ConfigError(`LANGCHAIN_MODEL_MODULE: ${err.message}`);
    throw err;
  }
}

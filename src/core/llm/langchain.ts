import { pathToFileURL } from 'node:url';
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { LLMResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';
import { AzureChatOpenAI, ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { LlmEndpoint } from '../../config/llm-config.js';
import type { StructuredCaller, StructuredRequest, StructuredResponse } from './assist.js';
import { countingFetch, withTokenCapture } from './usage-capture.js';

// LangChain chat models with structured output (`withStructuredOutput`, from the same zod
// schemas). ChatOpenAI (or AzureChatOpenAI) from the OPENAI_* / AZURE_OPENAI_* settings by
// default; any other LangChain chat model through LANGCHAIN_MODEL_MODULE, an ES module whose
// default export returns one (see README). Retries are ours (assist.ts): maxRetries is 0.

export interface LangChainSettings {
  endpoint: LlmEndpoint | null;
  modelModule?: string | undefined;
}

export interface LangChainOptions {
  fetch?: typeof fetch;
  /** A ready chat model, e.g. from a test; overrides the settings. */
  chatModel?: BaseChatModel;
}

export class ChatModelModuleError extends Error {
  override name = 'ChatModelModuleError';
}

interface Structured { raw: { response_metadata?: Record<string, unknown> }; parsed: unknown }

function openAiModel(endpoint: LlmEndpoint, inner: typeof globalThis.fetch | undefined): BaseChatModel {
  const fetch = countingFetch(inner);
  const common = { maxRetries: 0, useResponsesApi: false, configuration: { fetch } };
  if (endpoint.kind === 'azure') {
    return new AzureChatOpenAI({
      ...common, azureOpenAIApiKey: endpoint.apiKey, azureOpenAIEndpoint: endpoint.endpoint,
      azureOpenAIApiDeploymentName: endpoint.deployment, azureOpenAIApiVersion: endpoint.apiVersion, model: endpoint.model,
    });
  }
  return new ChatOpenAI({
    ...common, model: endpoint.model, apiKey: endpoint.apiKey,
    configuration: { ...(endpoint.baseURL ? { baseURL: endpoint.baseURL } : {}), fetch },
  });
}

/** LANGCHAIN_MODEL_MODULE: `export default (settings) => chatModel` (sync or async). */
async function moduleModel(path: string, settings: LangChainSettings): Promise<BaseChatModel> {
  const loaded = (await import(pathToFileURL(path).href)) as { default?: unknown };
  if (typeof loaded.default !== 'function') throw new ChatModelModuleError(`${path}: the default export must be a function returning a LangChain chat model`);
  const model = (await (loaded.default as (s: LangChainSettings) => unknown)(settings)) as BaseChatModel | undefined;
  if (typeof model?.withStructuredOutput !== 'function') throw new ChatModelModuleError(`${path}: the function did not return a chat model with withStructuredOutput`);
  return model;
}

function tokensOf(output: LLMResult): { inputTokens: number; outputTokens: number } {
  const message = (output.generations?.[0]?.[0] as { message?: { usage_metadata?: { input_tokens?: number; output_tokens?: number } } } | undefined)?.message;
  const usage = message?.usage_metadata;
  const legacy = output.llmOutput?.tokenUsage as { promptTokens?: number; completionTokens?: number } | undefined;
  return { inputTokens: usage?.input_tokens ?? legacy?.promptTokens ?? 0, outputTokens: usage?.output_tokens ?? legacy?.completionTokens ?? 0 };
}

export async function createLangChainCaller(settings: LangChainSettings, options: LangChainOptions = {}): Promise<StructuredCaller> {
  const chat = options.chatModel
    ?? (settings.modelModule ? await moduleModel(settings.modelModule, settings) : openAiModel(settings.endpoint as LlmEndpoint, options.fetch));
  const configured = settings.endpoint?.model ?? (chat as { model?: string }).model ?? chat.getName();
  const runnables = new Map<string, Runnable>();
  const runnableFor = (r: StructuredRequest): Runnable => {
    let runnable = runnables.get(r.task);
    if (!runnable) {
      // The zod schema as JSON schema, converted once: given the zod schema itself, LangChain
      // converts it on every call (most of its overhead here). The answer is still checked
      // against the same zod schema, in assist.ts.
      const { $schema: _, ...jsonSchema } = z.toJSONSchema(r.schema) as Record<string, unknown>;
      runnable = chat.withStructuredOutput(jsonSchema, { name: r.task, method: 'jsonSchema', strict: true, includeRaw: true }) as Runnable;
      runnables.set(r.task, runnable);
    }
    return runnable;
  };

  return {
    provider: 'langchain',
    model: configured,
    async call(request: StructuredRequest): Promise<StructuredResponse> {
      // Tokens from the model's own report (any chat model), else from the HTTP response
      // (ChatOpenAI), which is all there is when the answer could not be parsed.
      let tokens = { inputTokens: 0, outputTokens: 0 };
      const counter = BaseCallbackHandler.fromMethods({ handleLLMEnd: (output: LLMResult) => void (tokens = tokensOf(output)) });
      counter.awaitHandlers = true;
      const call = withTokenCapture(() => runnableFor(request).invoke(
        [{ role: 'system', content: request.system }, { role: 'user', content: request.user }],
        { signal: request.signal, timeout: Math.max(1, Math.floor(request.timeoutMs)), callbacks: [counter] },
      ) as Promise<Structured>);
      try {
        const result = await call.result;
        const model = result.raw?.response_metadata?.model_name;
        return { ok: true, parsed: result.parsed ?? null, model: typeof model === 'string' ? model : null, ...tokens };
      } catch (error) {
        const spent = tokens.inputTokens + tokens.outputTokens > 0 ? tokens : await call.spent();
        return { ok: false, error, model: null, ...spent };
      }
    },
  };
}

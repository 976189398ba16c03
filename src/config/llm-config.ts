import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// LLM settings: which provider, which endpoint, and how long a turn may wait for it. Checked
// at start so that a half-configured endpoint fails loudly instead of falling back on every
// turn without anyone noticing.

export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
/** The first generally available Azure OpenAI API version with structured outputs. */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export interface OpenAiEndpoint {
  kind: 'openai';
  apiKey: string;
  baseURL: string | undefined;
  model: string;
}

export interface AzureEndpoint {
  kind: 'azure';
  endpoint: string;
  apiKey: string;
  apiVersion: string;
  deployment: string;
  /** What the accounting records; the deployment's name unless OPENAI_MODEL says more. */
  model: string;
}

export type LlmEndpoint = OpenAiEndpoint | AzureEndpoint;

export type LlmConfig =
  | { provider: 'offline'; budgetMs: number }
  | { provider: 'openai'; budgetMs: number; endpoint: LlmEndpoint }
  | { provider: 'langchain'; budgetMs: number; endpoint: LlmEndpoint | null; modelModule: string | undefined };

export interface LlmEnv {
  LLM_PROVIDER: 'offline' | 'openai' | 'langchain';
  LLM_TURN_BUDGET_MS: number;
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_MODEL?: string | undefined;
  AZURE_OPENAI_ENDPOINT?: string | undefined;
  AZURE_OPENAI_API_KEY?: string | undefined;
  AZURE_OPENAI_API_VERSION?: string | undefined;
  AZURE_OPENAI_DEPLOYMENT?: string | undefined;
  LANGCHAIN_MODEL_MODULE?: string | undefined;
}

type Checked = { ok: true; config: LlmConfig } | { ok: false; problems: string[] };

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function azureEndpoint(e: LlmEnv, problems: string[]): AzureEndpoint | null {
  const need = (name: keyof LlmEnv, value: string | undefined): value is string => {
    if (value) return true;
    problems.push(`${name}: required when any AZURE_OPENAI_* setting is given (Azure OpenAI)`);
    return false;
  };
  const endpoint = e.AZURE_OPENAI_ENDPOINT;
  const hasEndpoint = need('AZURE_OPENAI_ENDPOINT', endpoint);
  if (hasEndpoint && !isHttpUrl(endpoint)) problems.push('AZURE_OPENAI_ENDPOINT: must be an https:// URL such as https://example.openai.azure.com');
  const hasKey = need('AZURE_OPENAI_API_KEY', e.AZURE_OPENAI_API_KEY);
  const hasDeployment = need('AZURE_OPENAI_DEPLOYMENT', e.AZURE_OPENAI_DEPLOYMENT);
  if (e.OPENAI_BASE_URL) problems.push('OPENAI_BASE_URL: leave it unset with Azure OpenAI; AZURE_OPENAI_ENDPOINT says where to go');
  if (!hasEndpoint || !hasKey || !hasDeployment) return null;
  return {
    kind: 'azure',
    endpoint: endpoint as string,
    apiKey: e.AZURE_OPENAI_API_KEY as string,
    apiVersion: e.AZURE_OPENAI_API_VERSION ?? DEFAULT_AZURE_API_VERSION,
    deployment: e.AZURE_OPENAI_DEPLOYMENT as string,
    model: e.OPENAI_MODEL ?? (e.AZURE_OPENAI_DEPLOYMENT as string),
  };
}

function openAiEndpoint(e: LlmEnv, problems: string[]): OpenAiEndpoint | null {
  const baseURL = e.OPENAI_BASE_URL;
  if (baseURL && !isHttpUrl(baseURL)) problems.push('OPENAI_BASE_URL: must be an http:// or https:// URL, e.g. http://127.0.0.1:11434/v1');
  if (!e.OPENAI_API_KEY && !baseURL) {
    problems.push(`OPENAI_API_KEY: required for LLM_PROVIDER=${e.LLM_PROVIDER} (or set OPENAI_BASE_URL for a local server such as Ollama or vLLM, or the AZURE_OPENAI_* settings)`);
    return null;
  }
  // Local OpenAI-compatible servers accept any key, but the SDK insists on one.
  return { kind: 'openai', apiKey: e.OPENAI_API_KEY ?? 'not-needed', baseURL, model: e.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL };
}

const usesAzure = (e: LlmEnv): boolean =>
  Boolean(e.AZURE_OPENAI_ENDPOINT || e.AZURE_OPENAI_API_KEY || e.AZURE_OPENAI_DEPLOYMENT || e.AZURE_OPENAI_API_VERSION);

function endpointFor(e: LlmEnv, problems: string[]): LlmEndpoint | null {
  return usesAzure(e) ? azureEndpoint(e, problems) : openAiEndpoint(e, problems);
}

/** The LLM part of the configuration, or every problem with it. */
export function llmSettings(e: LlmEnv, cwd = process.cwd()): Checked {
  const budgetMs = e.LLM_TURN_BUDGET_MS;
  if (e.LLM_PROVIDER === 'offline') return { ok: true, config: { provider: 'offline', budgetMs } };
  const problems: string[] = [];
  if (e.LLM_PROVIDER === 'openai') {
    const endpoint = endpointFor(e, problems);
    return endpoint && problems.length === 0 ? { ok: true, config: { provider: 'openai', budgetMs, endpoint } } : { ok: false, problems };
  }
  const modelModule = e.LANGCHAIN_MODEL_MODULE ? resolve(cwd, e.LANGCHAIN_MODEL_MODULE) : undefined;
  if (modelModule && !existsSync(modelModule)) {
    problems.push(`LANGCHAIN_MODEL_MODULE: ${modelModule} does not exist (an ES module whose default export returns a LangChain chat model)`);
  }
  // A module of one's own builds its own chat model; otherwise ChatOpenAI uses the OPENAI_* settings.
  const anyEndpoint = usesAzure(e) || e.OPENAI_API_KEY || e.OPENAI_BASE_URL;
  const endpoint = modelModule && !anyEndpoint ? null : endpointFor(e, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { provider: 'langchain', budgetMs, endpoint, modelModule } };
}

import OpenAI, { AzureOpenAI } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { LlmEndpoint } from '../../config/llm-config.js';
import type { StructuredCaller, StructuredRequest, StructuredResponse } from './assist.js';
import { countingFetch, withTokenCapture } from './usage-capture.js';

// The openai SDK: `chat.completions.parse` with zod response formats, against the OpenAI
// API, Azure OpenAI (AzureOpenAI) or any OpenAI-compatible server (OPENAI_BASE_URL: Ollama,
// vLLM, a test's fake). Retries are ours (assist.ts), so the SDK's are off; its timeout is
// what is left of the turn's budget.

export interface OpenAiOptions {
  /** Injected in tests and benchmarks; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export function createOpenAiCaller(endpoint: LlmEndpoint, options: OpenAiOptions = {}): StructuredCaller {
  const fetch = countingFetch(options.fetch ?? globalThis.fetch);
  const client: OpenAI = endpoint.kind === 'azure'
    ? new AzureOpenAI({ endpoint: endpoint.endpoint, apiKey: endpoint.apiKey, apiVersion: endpoint.apiVersion, deployment: endpoint.deployment, maxRetries: 0, fetch })
    : new OpenAI({ apiKey: endpoint.apiKey, baseURL: endpoint.baseURL, maxRetries: 0, fetch });
  const model = endpoint.kind === 'azure' ? endpoint.deployment : endpoint.model;
  // Converting a zod schema to JSON schema is the layer's costliest step; once per task.
  const formats = new Map<string, ReturnType<typeof zodResponseFormat>>();
  const formatFor = (r: StructuredRequest) => {
    let format = formats.get(r.task);
    if (!format) formats.set(r.task, (format = zodResponseFormat(r.schema as Parameters<typeof zodResponseFormat>[0], r.task)));
    return format;
  };

  return {
    provider: 'openai',
    model: endpoint.model,
    async call(request: StructuredRequest): Promise<StructuredResponse> {
      const call = withTokenCapture(() =>
        client.chat.completions.parse(
          {
            model,
            messages: [{ role: 'system', content: request.system }, { role: 'user', content: request.user }],
            response_format: formatFor(request),
          },
          { signal: request.signal, timeout: Math.max(1, Math.floor(request.timeoutMs)), maxRetries: 0 },
        ),
      );
      try {
        const completion = await call.result;
        const message = completion.choices[0]?.message;
        return {
          ok: true,
          parsed: message?.refusal ? null : (message?.parsed ?? null),
          model: completion.model || null,
          inputTokens: completion.usage?.prompt_tokens ?? 0,
          outputTokens: completion.usage?.completion_tokens ?? 0,
        };
      } catch (error) {
        return { ok: false, error, model: null, ...(await call.spent()) };
      }
    },
  };
}

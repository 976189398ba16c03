import { AsyncLocalStorage } from 'node:async_hooks';

// The SDKs throw away a response they cannot parse (malformed or schema-invalid JSON), but
// its tokens were still spent. A wrapped fetch reads the body once, notes the usage, and
// hands the SDK an identical response; each call finds its own usage again through its async
// context. (Reading once is much cheaper than Response.clone(), which tees a web stream.)

export interface Tokens {
  inputTokens: number;
  outputTokens: number;
}

interface Slot { usage?: Tokens | null }

const slots = new AsyncLocalStorage<Slot>();

/** OpenAI's usage block, found without parsing a body that may not be JSON at all. */
function readUsage(body: string): Tokens | null {
  const input = /"prompt_tokens"\s*:\s*(\d+)/.exec(body);
  const output = /"completion_tokens"\s*:\s*(\d+)/.exec(body);
  if (!input && !output) return null;
  return { inputTokens: Number(input?.[1] ?? 0), outputTokens: Number(output?.[1] ?? 0) };
}

export function countingFetch(inner: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const slot = slots.getStore();
    if (!slot || !response.ok) return response;
    const body = await response.text();
    slot.usage = readUsage(body);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** Runs `work` (one call) so that countingFetch records the tokens of its responses. */
export function withTokenCapture<T>(work: () => Promise<T>): { result: Promise<T>; spent: () => Promise<Tokens> } {
  const slot: Slot = {};
  const result = slots.run(slot, work);
  return { result, spent: () => spentTokens(slot) };
}

async function spentTokens(slot: Slot): Promise<Tokens> {
  return slot.usage ?? { inputTokens: 0, outputTokens: 0 };
}

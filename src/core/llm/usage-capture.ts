import { AsyncLocalStorage } from 'node:async_hooks';

// The SDKs throw away a response they cannot parse (malformed or schema-invalid JSON), but
// its tokens were still spent. A wrapped fetch reads the usage from a copy of each response
// body, and each call finds its own again through its async context.

export interface Tokens {
  inputTokens: number;
  outputTokens: number;
}

interface Slot { usage?: Promise<Tokens | null> }

const slots = new AsyncLocalStorage<Slot>();

function readUsage(body: unknown): Tokens | null {
  const u = (body as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } } | null)?.usage;
  if (!u) return null;
  return { inputTokens: Number(u.prompt_tokens) || 0, outputTokens: Number(u.completion_tokens) || 0 };
}

export function countingFetch(inner: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const slot = slots.getStore();
    if (slot && response.ok) slot.usage = response.clone().json().then(readUsage, () => null);
    return response;
  };
}

/** Runs `work` (one call) so that countingFetch records the tokens of its responses. */
export function withTokenCapture<T>(work: () => Promise<T>): { result: Promise<T>; spent: () => Promise<Tokens> } {
  const slot: Slot = {};
  const result = slots.run(slot, work);
  return { result, spent: () => spentTokens(slot) };
}

/** Waits briefly for the copied body: when parsing failed, it was read in full already. */
async function spentTokens(slot: Slot): Promise<Tokens> {
  const none = { inputTokens: 0, outputTokens: 0 };
  if (!slot.usage) return none;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 50)));
  const tokens = await Promise.race([slot.usage, late]).finally(() => clearTimeout(timer));
  return tokens ?? none;
}

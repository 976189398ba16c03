import type { FallbackReason } from './port.js';

// Both SDKs (openai, and LangChain's ChatOpenAI on top of it) fail in the same few shapes;
// this names them for the log and the accounting.

export interface CallFailure {
  reason: FallbackReason;
  /** From Retry-After / retry-after-ms on a 429, when the server said. */
  retryAfterMs: number | null;
}

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

function retryAfter(err: Record<string, unknown>): number | null {
  if (typeof err.retryAfterMs === 'number' && Number.isFinite(err.retryAfterMs)) return err.retryAfterMs;
  const ms = Number.parseFloat(header(err.headers, 'retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const raw = header(err.headers, 'retry-after');
  if (raw === null) return null;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}

export function classifyFailure(error: unknown): CallFailure {
  const err = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  // The SDK's error classes keep name 'Error'; their constructor says what happened.
  const name = `${String(err.name ?? '')} ${(error as object | null)?.constructor?.name ?? ''}`;
  const message = String(err.message ?? '');
  const status = typeof err.status === 'number' ? err.status : null;
  const of = (reason: FallbackReason, retryAfterMs: number | null = null): CallFailure => ({ reason, retryAfterMs });
  if (name.includes('BudgetExceededError')) return of('timeout');
  if (status === 429) return of('rate_limited', retryAfter(err));
  if (status !== null && status >= 500) return of('http_5xx');
  if (status !== null && status >= 400) return of('http_4xx');
  if (/timeout|timed out/i.test(name) || /timed out/i.test(message)) return of('timeout');
  if (/abort/i.test(name)) return of('timeout');
  if (name.includes('SyntaxError') || (/JSON/.test(message) && /parse|invalid|unexpected/i.test(message))) return of('malformed');
  if (name.includes('ZodError') || Array.isArray(err.issues)) return of('schema_invalid');
  if (name.includes('LengthFinishReasonError')) return of('truncated');
  if (name.includes('ContentFilterFinishReasonError')) return of('refusal');
  if (/connection/i.test(name) || /ECONNREFUSED|ECONNRESET|fetch failed/i.test(message)) return of('connection');
  return of('error');
}

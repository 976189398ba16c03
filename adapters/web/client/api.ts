import type { SimState } from './types.js';

// The simulator's calls to its server. Every POST carries the session's CSRF token, which the
// page was served with; the session cookie itself is HttpOnly and never read here.

const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

export interface Posted<T> {
  status: number;
  data: T | null;
}

export async function post<T = Record<string, unknown>>(path: string, body: Record<string, unknown>): Promise<Posted<T>> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  const data = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as T) : null;
  return { status: res.status, data };
}

/** Null when nothing changed since `rev`. */
export async function fetchState(rev: string | null): Promise<SimState | null> {
  const res = await fetch(`/api/sim/state${rev ? `?rev=${encodeURIComponent(rev)}` : ''}`, { credentials: 'same-origin' });
  if (res.status === 204) return null;
  if (!res.ok) throw new Error(`state: HTTP ${res.status}`);
  return (await res.json()) as SimState;
}

/** A v4 UUID from getRandomValues, which (unlike randomUUID) also works on plain http over a LAN. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// CSRF defence for every state-changing request: a synchronizer token stored with the session
// (sent back in a hidden form field or the X-CSRF-Token header) plus a same-origin check on the
// browser's Origin / Sec-Fetch-Site headers. Either failing refuses the request.
// https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const newCsrfToken = (): string => randomBytes(32).toString('base64url');

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Constant time, whatever the lengths: both sides are hashed to 32 bytes first. */
export function tokensMatch(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0 || expected.length === 0) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

/** The host the browser thinks it talks to (a proxy may forward it). */
function hostsOf(req: IncomingMessage): string[] {
  const forwarded = String(req.headers['x-forwarded-host'] ?? '').split(',')[0]?.trim();
  return [req.headers.host, forwarded].filter((h): h is string => Boolean(h));
}

/** False for a request a browser made on behalf of another site. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (typeof origin === 'string') {
    if (origin === 'null') return false;
    try {
      return hostsOf(req).includes(new URL(origin).host);
    } catch {
      return false;
    }
  }
  // Browsers that send no Origin still send Sec-Fetch-Site; non-browser clients send neither.
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export type CsrfVerdict = 'ok' | 'no_session' | 'cross_origin' | 'bad_token';

export function checkCsrf(req: IncomingMessage, sessionToken: string | null, given: unknown): CsrfVerdict {
  if (!sessionToken) return 'no_session';
  if (!sameOrigin(req)) return 'cross_origin';
  const token = given ?? req.headers[CSRF_HEADER];
  return tokensMatch(sessionToken, token) ? 'ok' : 'bad_token';
}

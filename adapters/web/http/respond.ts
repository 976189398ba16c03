import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { BodyTooLargeError, readBody } from '../../../src/server/http.js';
import type { Html } from './html.js';

// Responses of the web console: security headers on every page, gzip when the browser takes
// it, and request bodies read as forms or JSON with a small limit.

/** No inline script or style anywhere, so the policy can forbid both. */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export const acceptsGzip = (req: IncomingMessage): boolean => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

export function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  let payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const extra: Record<string, string> = {};
  if (payload.length > 1024 && acceptsGzip(req)) {
    payload = gzipSync(payload);
    extra['content-encoding'] = 'gzip';
    extra.vary = 'accept-encoding';
  }
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(payload.length), ...extra, ...headers });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

export function sendPage(req: IncomingMessage, res: ServerResponse, status: number, page: Html, headers: Record<string, string> = {}): void {
  send(req, res, status, 'text/html; charset=utf-8', `<!doctype html>\n${page.value}`, { 'cache-control': 'no-store', ...headers });
}

export function sendData(req: IncomingMessage, res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  send(req, res, status, 'application/json; charset=utf-8', JSON.stringify(data), { 'cache-control': 'no-store', ...headers });
}

/** 303: after a POST the browser follows with a GET, so a reload does not resubmit. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { ...SECURITY_HEADERS, location, 'content-length': '0', 'cache-control': 'no-store', ...headers });
  res.end();
}

export class BadRequest extends Error {
  override name = 'BadRequest';
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

/** A urlencoded form or a JSON object, as plain fields. */
export async function readFields(req: IncomingMessage, limit = 64 * 1024): Promise<Record<string, unknown>> {
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (e) {
    throw e instanceof BodyTooLargeError ? new BadRequest('request body too large', 413) : new BadRequest('unreadable body');
  }
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const value: unknown = JSON.parse(body.toString('utf8'));
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // fall through to the error below
    }
    throw new BadRequest('body must be a JSON object');
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  throw new BadRequest('unsupported content type', 415);
}

export const queryOf = (req: IncomingMessage): URLSearchParams => new URL(req.url ?? '/', 'http://localhost').searchParams;

import type { IncomingMessage } from 'node:http';

// Just enough of RFC 6265 for our own cookies: names are fixed, values are base64url.

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

/** HttpOnly and SameSite=Lax always: scripts never read it and cross-site POSTs never carry it. */
export function sessionCookie(name: string, value: string, o: CookieOptions): string {
  return [`${name}=${value}`, 'Path=/', `Max-Age=${o.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(o.secure ? ['Secure'] : [])].join('; ');
}

/** True when the browser reached us over https, directly or through a proxy that says so. */
export function isHttps(req: IncomingMessage): boolean {
  const socket = req.socket as { encrypted?: boolean };
  return Boolean(socket.encrypted) || String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() === 'https';
}

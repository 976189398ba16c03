import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHttps, readCookie, sessionCookie } from '../http/cookies.js';
import type { SessionRecord, SessionStore } from '../ports.js';
import { newCsrfToken } from './csrf.js';

// Browser sessions. The cookie holds a random token; the database keeps only its SHA-256, so
// a leaked table cannot be replayed. Every visitor gets a session (the simulator's owner and the
// sign-in form's CSRF token need one); signing in and out issue a new token, so a token planted
// before sign-in is worthless after it (session fixation).

export const SESSION_COOKIE = 'bansou_session';
const VISITOR_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A sign-in lasts a working day at most, and ends after two idle hours. */
export const SIGNED_IN_MAX_MS = 12 * 60 * 60 * 1000;
export const SIGNED_IN_IDLE_MS = 2 * 60 * 60 * 1000;
/** Writing lastSeenAt on every request would make every poll a write. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

export function createSessionManager(store: SessionStore, now: () => Date = () => new Date()) {
  function setCookie(req: IncomingMessage, res: ServerResponse, token: string): void {
    res.setHeader('set-cookie', sessionCookie(SESSION_COOKIE, token, { maxAgeSeconds: VISITOR_TTL_MS / 1000, secure: isHttps(req) }));
  }

  function signInExpired(s: SessionRecord, at: Date): boolean {
    if (!s.accountId || !s.signedInAt) return false;
    return at.getTime() - s.signedInAt.getTime() > SIGNED_IN_MAX_MS || at.getTime() - s.lastSeenAt.getTime() > SIGNED_IN_IDLE_MS;
  }

  async function resolve(req: IncomingMessage): Promise<SessionRecord | null> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token || !TOKEN.test(token)) return null;
    const session = await store.findByTokenHash(hashToken(token));
    const at = now();
    if (!session || session.expiresAt.getTime() <= at.getTime()) return null;
    if (signInExpired(session, at)) {
      await store.update(session.id, { accountId: null, signedInAt: null });
      Object.assign(session, { accountId: null, signedInAt: null });
    }
    if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      const expiresAt = new Date(at.getTime() + VISITOR_TTL_MS);
      await store.update(session.id, { lastSeenAt: at, expiresAt });
      Object.assign(session, { lastSeenAt: at, expiresAt });
    }
    return session;
  }

  /** New token and CSRF token for the same session row (and the same simulated owner). */
  async function rotate(req: IncomingMessage, res: ServerResponse, session: SessionRecord, patch: Partial<SessionRecord>): Promise<SessionRecord> {
    const token = newToken();
    const next = { ...session, ...patch, csrfToken: newCsrfToken(), lastSeenAt: now() };
    await store.update(session.id, { ...patch, csrfToken: next.csrfToken, lastSeenAt: next.lastSeenAt, tokenHash: hashToken(token) });
    setCookie(req, res, token);
    return next;
  }

  return {
    resolve,
    /** The visitor's session, created (with its cookie) on first sight. */
    async ensure(req: IncomingMessage, res: ServerResponse): Promise<SessionRecord> {
      const existing = await resolve(req);
      if (existing) return existing;
      const token = newToken();
      const at = now();
      const session: SessionRecord = {
        id: randomUUID(), subject: randomUUID(), csrfToken: newCsrfToken(), accountId: null, signedInAt: null,
        lastSeenAt: at, expiresAt: new Date(at.getTime() + VISITOR_TTL_MS),
      };
      await store.create(session, hashToken(token));
      setCookie(req, res, token);
      return session;
    },
    signIn: (req: IncomingMessage, res: ServerResponse, session: SessionRecord, accountId: string) =>
      rotate(req, res, session, { accountId, signedInAt: now() }),
    signOut: (req: IncomingMessage, res: ServerResponse, session: SessionRecord) =>
      rotate(req, res, session, { accountId: null, signedInAt: null }),
    /** The simulator's "new owner": the same browser speaks as someone else from now on. */
    async newSubject(session: SessionRecord): Promise<SessionRecord> {
      const subject = randomUUID();
      await store.update(session.id, { subject });
      return { ...session, subject };
    },
    purgeExpired: () => store.purgeExpired(now()),
  };
}

export type SessionManager = ReturnType<typeof createSessionManager>;

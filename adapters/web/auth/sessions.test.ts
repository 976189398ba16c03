import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { seedNetwork } from '../../../test/support/network.js';
import { createPrismaAccountStore, createPrismaSessionStore } from '../store/prisma-web-store.js';
import { createSessionManager, SESSION_COOKIE, SIGNED_IN_IDLE_MS } from './sessions.js';

// Sessions on a real database: only a hash of the cookie's token is stored, sign-in and
// sign-out issue a new token, and a sign-in ends after its idle time.

let db: TestDatabase;
let accountId: string;
let clock = new Date('2026-11-21T09:00:00Z');
const now = () => clock;

beforeAll(async () => {
  db = await createTestDatabase();
  const net = await seedNetwork(db.prisma);
  accountId = (await createPrismaAccountStore(db.prisma).create({ email: `c-${net.hub}@example.jp`, passwordHash: 'x', memberId: net.coordinator.id })).id;
});
afterAll(async () => db?.close());

function browser() {
  let cookie: string | null = null;
  return {
    get cookie() { return cookie; },
    req: (https = false) => ({ headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}, socket: { encrypted: https } }) as unknown as IncomingMessage,
    res() {
      const headers: Record<string, string> = {};
      return {
        headers,
        setHeader(name: string, value: string) {
          headers[name] = value;
          const m = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(value);
          if (m) cookie = m[1] as string;
        },
      } as unknown as ServerResponse & { headers: Record<string, string> };
    },
  };
}

describe('web sessions', () => {
  const sessions = () => createSessionManager(createPrismaSessionStore(db.prisma), now);

  it('creates a session on first sight with an HttpOnly, SameSite=Lax cookie and stores only its hash', async () => {
    const b = browser();
    const res = b.res();
    const s = await sessions().ensure(b.req(), res);
    expect(res.headers['set-cookie']).toMatch(/HttpOnly; SameSite=Lax$/);
    const row = await db.prisma.webSession.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(b.cookie as string).digest('hex'));
    expect(row.tokenHash).not.toContain(b.cookie as string);
    expect((await sessions().ensure(b.req(), b.res())).id).toBe(s.id);
  });

  it('marks the cookie Secure when the browser came over https', async () => {
    const b = browser();
    const res = b.res();
    await sessions().ensure(b.req(true), res);
    expect(res.headers['set-cookie']).toContain('; Secure');
  });

  it('rotates the token and the CSRF token at sign-in and sign-out, keeping the simulated owner', async () => {
    const b = browser();
    const m = sessions();
    const visitor = await m.ensure(b.req(), b.res());
    const before = b.cookie as string;
    const signed = await m.signIn(b.req(), b.res(), visitor, accountId);
    expect(b.cookie).not.toBe(before);
    expect(signed.csrfToken).not.toBe(visitor.csrfToken);
    expect(signed.subject).toBe(visitor.subject);
    const old = { headers: { cookie: `${SESSION_COOKIE}=${before}` }, socket: {} } as unknown as IncomingMessage;
    expect(await m.resolve(old)).toBeNull();
    expect((await m.resolve(b.req()))?.accountId).toBe(accountId);
    await m.signOut(b.req(), b.res(), signed);
    expect((await m.resolve(b.req()))?.accountId).toBeNull();
  });

  it('ends a sign-in after the idle time but keeps the visitor session', async () => {
    const b = browser();
    const m = sessions();
    await m.signIn(b.req(), b.res(), await m.ensure(b.req(), b.res()), accountId);
    clock = new Date(clock.getTime() + SIGNED_IN_IDLE_MS + 60_000);
    const later = await m.resolve(b.req());
    expect(later).not.toBeNull();
    expect(later?.accountId).toBeNull();
  });

  it('ignores malformed and unknown cookies', async () => {
    const m = sessions();
    const req = (v: string) => ({ headers: { cookie: `${SESSION_COOKIE}=${v}` }, socket: {} }) as unknown as IncomingMessage;
    expect(await m.resolve(req('short'))).toBeNull();
    expect(await m.resolve(req('A'.repeat(43)))).toBeNull();
  });
});

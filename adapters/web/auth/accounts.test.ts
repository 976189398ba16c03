import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { seedNetwork, type TestNetwork } from '../../../test/support/network.js';
import { createPrismaAccountStore } from '../store/prisma-web-store.js';
import { AccountError, authenticate, createAccount } from './accounts.js';

// Local accounts on a real database: creation checks, sign-in, and the lock after repeated failures.

let db: TestDatabase;
let net: TestNetwork;
const PASSWORD = 'kawaguchi-hub-2026';

beforeAll(async () => {
  db = await createTestDatabase();
  net = await seedNetwork(db.prisma);
});
afterAll(async () => db?.close());

describe('dashboard accounts', () => {
  const store = () => createPrismaAccountStore(db.prisma);

  it('creates an account with a lower-cased email and a scrypt hash, never the password', async () => {
    await createAccount(store(), { memberId: net.coordinator.id, email: ' Takahashi@Example.JP ', password: PASSWORD });
    const row = await db.prisma.webAccount.findUniqueOrThrow({ where: { email: 'takahashi@example.jp' } });
    expect(row.passwordHash).toMatch(/^\$scrypt\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: PASSWORD }, /形式/],
    ['a short password', { email: 'x@example.jp', password: 'short' }, /12文字以上/],
    ['an unknown member', { email: 'y@example.jp', password: PASSWORD, memberId: 'nobody' }, /見つかりません/],
    ['an email already used', { email: 'takahashi@example.jp', password: PASSWORD }, /すでに/],
  ])('refuses %s', async (_name, input, message) => {
    await expect(createAccount(store(), { memberId: net.coordinator.id, ...input })).rejects.toThrow(AccountError);
    await expect(createAccount(store(), { memberId: net.coordinator.id, ...input })).rejects.toThrow(message);
  });

  it('signs in with the right password, and not with a wrong one or an unknown email', async () => {
    expect(await authenticate(store(), 'TAKAHASHI@example.jp', PASSWORD)).toMatchObject({ ok: true });
    expect(await authenticate(store(), 'takahashi@example.jp', 'wrong password')).toEqual({ ok: false, locked: false });
    expect(await authenticate(store(), 'nobody@example.jp', PASSWORD)).toEqual({ ok: false, locked: false });
  });

  it('locks the account after five failures in a row, even against the right password', async () => {
    const email = 'locked@example.jp';
    await createAccount(store(), { memberId: net.advisor.id, email, password: PASSWORD });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await authenticate(store(), email, `wrong-${i}-password`));
    expect(results.at(-1)).toEqual({ ok: false, locked: true });
    expect(await authenticate(store(), email, PASSWORD)).toEqual({ ok: false, locked: true });
    const row = await db.prisma.webAccount.findUniqueOrThrow({ where: { email } });
    expect(row.failedAttempts).toBe(5);
    // Once the lock has passed, the right password works and the count starts again.
    expect(await authenticate(store(), email, PASSWORD, new Date(Date.now() + 16 * 60_000))).toMatchObject({ ok: true });
    expect((await db.prisma.webAccount.findUniqueOrThrow({ where: { email } })).failedAttempts).toBe(0);
  });
});

import type { AccountStore, Viewer } from '../ports.js';
import { isLocked, lockAfter } from './lockout.js';
import { dummyHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from './password.js';

// Local dashboard accounts: creating one (the CLI, the sample data) and signing in. A failed
// sign-in says the same thing whether the email is unknown, the password wrong or the account
// locked, and takes about as long, so it tells an attacker nothing.

export class AccountError extends Error {
  override name = 'AccountError';
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export async function createAccount(store: AccountStore, input: { memberId: string; email: string; password: string }): Promise<string> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) throw new AccountError(`メールアドレスの形式が正しくありません: ${input.email}`);
  const problem = passwordProblem(input.password);
  if (problem) throw new AccountError(problem);
  if (!(await store.memberExists(input.memberId))) throw new AccountError(`メンバー ${input.memberId} が見つかりません。`);
  if (await store.findByEmail(email)) throw new AccountError(`${email} のアカウントはすでにあります。`);
  const account = await store.create({ email, passwordHash: await hashPassword(input.password), memberId: input.memberId });
  return account.id;
}

export type SignInResult = { ok: true; accountId: string } | { ok: false; locked: boolean };

export async function authenticate(store: AccountStore, email: string, password: string, now = new Date()): Promise<SignInResult> {
  const account = await store.findByEmail(normalizeEmail(email));
  // Verify even when there is nothing to verify against, so timing does not reveal accounts.
  const valid = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
  if (!account) return { ok: false, locked: false };
  if (isLocked(account.lockedUntil, now)) return { ok: false, locked: true };
  if (!valid) {
    const failures = await store.recordFailure(account.id);
    const until = lockAfter(failures, now);
    if (until) await store.lockUntil(account.id, until);
    return { ok: false, locked: until !== null };
  }
  await store.recordSuccess(account.id, now, needsRehash(account.passwordHash) ? await hashPassword(password) : null);
  return { ok: true, accountId: account.id };
}

/** Only a hub's coordinators see the dashboard; their network bounds what they see. */
export const mayUseDashboard = (viewer: Viewer): boolean => viewer.role === 'coordinator' && viewer.isHub;

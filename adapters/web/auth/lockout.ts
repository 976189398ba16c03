// Failed sign-ins, per account: every fifth consecutive failure locks the account, for 15
// minutes the first time and twice as long each time after, up to a day. A success resets it.
// Guessing is slowed to a crawl while the owner of the account is locked out only briefly.

export const FAILURES_PER_LOCK = 5;
const BASE_LOCK_MS = 15 * 60 * 1000;
const MAX_LOCK_MS = 24 * 60 * 60 * 1000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The lock that `failures` consecutive failures earn, or null when they earn none. */
export function lockAfter(failures: number, now: Date): Date | null {
  if (failures <= 0 || failures % FAILURES_PER_LOCK !== 0) return null;
  const round = failures / FAILURES_PER_LOCK - 1;
  return new Date(now.getTime() + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** round));
}

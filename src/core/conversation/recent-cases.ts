import type { CaseFields } from '../case-sheet.js';
import type { DialogueState } from '../intake/state.js';
import type { OwnerRef } from './ports.js';

// With an LLM configured, each owner's case as the last turn left it, so that the model can
// read the next message in context without a database read before the turn. A miss (a new
// process, another instance, an evicted owner) reads the database instead; a stale entry
// costs nothing but the model's help for one turn, because the turn compares the reading's
// basis with the case it actually locks (see readingIsCurrent).

export interface CaseView {
  id: string;
  fields: CaseFields;
  dialogue: DialogueState;
  lastActivityAt: Date;
}

export const ownerKey = (owner: OwnerRef): string => `${owner.channel}\u0000${owner.externalId}`;

export function createRecentCases(limit = 2000) {
  const byOwner = new Map<string, CaseView>();
  return {
    get: (owner: OwnerRef): CaseView | undefined => byOwner.get(ownerKey(owner)),
    set(owner: OwnerRef, view: CaseView): void {
      const key = ownerKey(owner);
      byOwner.delete(key); // re-inserted last: a Map iterates in insertion order, oldest first
      byOwner.set(key, view);
      if (byOwner.size > limit) byOwner.delete(byOwner.keys().next().value as string);
    },
    forget: (owner: OwnerRef): void => void byOwner.delete(ownerKey(owner)),
  };
}

/** JSON with object keys sorted: the database's jsonb does not keep key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v);
}

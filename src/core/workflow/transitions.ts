import type { CaseStatus } from '../vocab.js';

// The case lifecycle as data: which status each action moves a case from and to, and who may
// take it. Anything not listed here is refused.

export type Role = 'owner' | 'advisor' | 'coordinator' | 'system';

export interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
}

export const TRANSITIONS = {
  spec_confirmed: { from: ['intake'], to: 'drafted', roles: ['owner'] },
  referred: { from: ['intake'], to: 'closed', roles: ['owner'] },
  send_for_approval: { from: ['drafted', 'returned'], to: 'in_review', roles: ['advisor', 'coordinator'] },
  approve: { from: ['in_review'], to: 'approved', roles: ['coordinator'] },
  return: { from: ['in_review'], to: 'returned', roles: ['coordinator'] },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

export function allowed(name: TransitionName, from: CaseStatus, role: Role): boolean {
  const t: Transition = TRANSITIONS[name];
  return t.from.includes(from) && t.roles.includes(role);
}

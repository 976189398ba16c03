import type { CaseStatus } from '../vocab.js';

// The case lifecycle as data: which status each action moves a case from and to, and who may
// take it. Anything not listed here is refused.

export type Role = 'owner' | 'advisor' | 'coordinator' | 'system';

export interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
}

/** Every status but closed: a case can be closed from any of them, with a reason. */
export const OPEN_STATUSES = ['intake', 'drafted', 'in_review', 'approved', 'returned', 'matching', 'introduced', 'hired', 'following_up'] as const satisfies readonly CaseStatus[];

export const TRANSITIONS = {
  spec_confirmed: { from: ['intake'], to: 'drafted', roles: ['owner'] },
  referred: { from: ['intake'], to: 'closed', roles: ['owner'] },
  send_for_approval: { from: ['drafted', 'returned'], to: 'in_review', roles: ['advisor', 'coordinator'] },
  approve: { from: ['in_review'], to: 'approved', roles: ['coordinator'] },
  return: { from: ['in_review'], to: 'returned', roles: ['coordinator'] },
  // STEP 3. The coordinator picks whom to introduce; a confirmed meeting makes the case
  // "introduced" (a second meeting on an introduced case keeps it there).
  approve_shortlist: { from: ['approved'], to: 'matching', roles: ['coordinator'] },
  confirm_meeting: { from: ['matching', 'introduced'], to: 'introduced', roles: ['coordinator'] },
  record_hire: { from: ['introduced'], to: 'hired', roles: ['advisor', 'coordinator'] },
  // The first check-in after a hire (a scheduled job, or a member recording a visit).
  check_in: { from: ['hired', 'following_up'], to: 'following_up', roles: ['system', 'advisor', 'coordinator'] },
  close: { from: OPEN_STATUSES, to: 'closed', roles: ['advisor', 'coordinator'] },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

export function allowed(name: TransitionName, from: CaseStatus, role: Role): boolean {
  const t: Transition = TRANSITIONS[name];
  return t.from.includes(from) && t.roles.includes(role);
}

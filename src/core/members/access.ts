import type { MemberRecord } from '../workflow/ports.js';

// Who may see and work on a case: the network's hub sees everything; an organisation sees
// the cases it holds and those it handed on (it keeps a share, so its advisors can follow).

export interface CaseScope {
  organisationId: string | null;
  sharedWith: string[];
}

export function mayAccess(member: MemberRecord, scope: CaseScope): boolean {
  return member.hub || scope.organisationId === member.organisationId || scope.sharedWith.includes(member.organisationId);
}

/** The organisation whose cases a member lists; null means every case (the hub). */
export const listingScope = (member: MemberRecord): string | null => (member.hub ? null : member.organisationId);

import { meetingCard, shortlistCard, type ProposalSummary } from '../notify/introduction-cards.js';
import type { CardReply } from '../replies.js';
import { letterOf } from './introductions.js';
import type { CaseTransaction } from './ports.js';

// The coordinator's STEP 3 cards as they now stand, rebuilt from the stored shortlist and the
// audit trail, so that a click answers with (and every copy shows) the same decided card.

const decider = (by: string | null): string => by ?? '（不明）';

export async function currentShortlistCard(tx: CaseTransaction): Promise<CardReply> {
  const entries = [...(await tx.candidates.loadShortlist(tx.case.id))].sort((a, b) => a.rank - b.rank);
  const profiles = await tx.candidates.profiles(entries.map((e) => e.candidateId));
  const proposals: ProposalSummary[] = entries.flatMap((e) => {
    const p = profiles.get(e.candidateId);
    return p ? [{ rank: e.rank, candidateId: e.candidateId, kind: p.kind, headline: p.headline, score: e.score, reasons: e.reasons, gaps: e.gaps }] : [];
  });
  const decided = await tx.lastAudit('shortlist_approved');
  const chosen = decided?.detail.candidateIds;
  return shortlistCard(tx.case.id, proposals, {
    decided: decided ? { by: decider(decided.by), at: decided.at, candidateIds: Array.isArray(chosen) ? chosen.map(String) : [] } : null,
  });
}

export async function currentMeetingCard(tx: CaseTransaction, candidateId: string): Promise<CardReply> {
  const entries = await tx.candidates.loadShortlist(tx.case.id);
  const profile = (await tx.candidates.profiles([candidateId])).get(candidateId);
  const confirmed = await tx.lastAudit('meeting_confirmed', candidateId);
  const hired = await tx.lastAudit('hire_recorded', candidateId);
  return meetingCard(tx.case.id, { letter: letterOf(entries, candidateId), candidateId, headline: profile?.headline ?? null },
    confirmed ? { by: decider(confirmed.by), at: confirmed.at } : null, hired ? { by: decider(hired.by), at: hired.at } : null);
}

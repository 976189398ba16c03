import type { CaseStore } from '../conversation/ports.js';
import type { Prefecture } from '../vocab.js';
import type { CandidateKind } from './candidate.js';
import { loadMatchingData, type MatchingData } from './data.js';
import type { Match } from './explain.js';
import { MatchIndex } from './index.js';
import { matchInputFromFields } from './input.js';
import type { CandidateStore } from './ports.js';
import { toMatchQuery, type MatchContext, type MatchInput } from './query.js';

// A case's shortlist, offered to the adapters: the coordinator sees it (no personal data),
// the owner sees nothing of it until an introduction is approved (STEP 3).

/** One proposed person, as a coordinator sees them before an introduction: no name, contact or age. */
export interface Proposal {
  rank: number;
  candidateId: string;
  kind: CandidateKind;
  headline: string | null;
  prefecture: Prefecture;
  remoteOk: boolean;
  daysPerWeek: number;
  remainingDays: number;
  score: number;
  reasons: string[];
  gaps: string[];
}

export interface Shortlist {
  caseId: string | null;
  poolSize: number;
  proposals: Proposal[];
}

export class ShortlistError extends Error {
  override name = 'ShortlistError';
  constructor(readonly code: 'case_not_found' | 'nothing_to_match', message: string) {
    super(message);
  }
}

export const toProposal = (m: Match, i: number): Proposal => ({
  rank: i + 1, candidateId: m.candidateId, kind: m.candidate.kind, headline: m.candidate.headline, prefecture: m.candidate.prefecture,
  remoteOk: m.candidate.remoteOk, daysPerWeek: m.candidate.daysPerWeek, remainingDays: m.remainingDays,
  score: m.score, reasons: m.reasons, gaps: m.gaps,
});

/** Refuses a case that names no skill, issue or duty yet: any ranking of it would be noise. */
export function checkMatchable(input: MatchInput, data: MatchingData = loadMatchingData()): void {
  const q = toMatchQuery(input, data);
  if (!q.wanted.length && !q.segments.length) {
    throw new ShortlistError('nothing_to_match', 'この案件には、まだ求める分野や課題が入っていないため、候補者を選べません。ヒアリングを進めてからお試しください。');
  }
}

export interface ShortlistDeps {
  cases: Pick<CaseStore, 'getCase'>;
  candidates: CandidateStore;
  data?: MatchingData;
}

export function createShortlistService(deps: ShortlistDeps) {
  const data = deps.data ?? loadMatchingData();
  // Building the index over 100k people takes about a second: build once per pool version.
  let cached: { version: string; index: Promise<MatchIndex> } | null = null;

  async function index(): Promise<MatchIndex> {
    const version = await deps.candidates.poolVersion();
    if (cached?.version !== version) {
      const building = deps.candidates.loadPool().then((pool) => MatchIndex.build(pool, data));
      cached = { version, index: building };
      building.catch(() => (cached = null));
    }
    return cached.index;
  }

  return {
    /** Ranks the pool for a stored case and saves the result as the case's shortlist. */
    async shortlistForCase(caseId: string, top = 10): Promise<Shortlist> {
      const stored = await deps.cases.getCase(caseId);
      if (!stored) throw new ShortlistError('case_not_found', `案件 ${caseId} は見つかりませんでした。`);
      const input = matchInputFromFields(stored.id, stored.fields);
      checkMatchable(input, data);
      const built = await index();
      const matches = built.query(input, await deps.candidates.context(stored.id), top);
      await deps.candidates.saveShortlist(stored.id, matches.map((m, i) => ({ candidateId: m.candidateId, rank: i + 1, score: m.score, reasons: m.reasons, gaps: m.gaps })));
      return { caseId: stored.id, poolSize: built.size, proposals: matches.map(toProposal) };
    },

    /** Ranks the stored pool for any input without saving (`bansou match`). */
    async rank(input: MatchInput, top = 10, context?: MatchContext): Promise<Shortlist> {
      checkMatchable(input, data);
      const built = await index();
      const ctx = context ?? (await deps.candidates.context(input.caseId));
      return { caseId: input.caseId, poolSize: built.size, proposals: built.query(input, ctx, top).map(toProposal) };
    },

    /** Stored shortlists, newest ranking first, for showing again without re-ranking. */
    loadShortlist: (caseId: string) => deps.candidates.loadShortlist(caseId),
  };
}

export type ShortlistService = ReturnType<typeof createShortlistService>;

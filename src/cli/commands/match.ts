import type { App } from '../../app.js';
import { asPoolCandidate } from '../../core/matching/candidate.js';
import { MatchIndex } from '../../core/matching/index.js';
import { matchInputFromFields } from '../../core/matching/input.js';
import { shortlistText } from '../../core/matching/present.js';
import { emptyContext, type MatchInput } from '../../core/matching/query.js';
import { checkMatchable, ShortlistError, toProposal, type Shortlist } from '../../core/matching/shortlist.js';
import { InputError, UsageError } from '../errors.js';
import { readCandidateFile, readSpecFile } from '../input-files.js';

// `bansou match (CASE_ID | --spec SPEC.json) [--candidates FILE.csv] [--top N] [--json]`.
// Read-only: it ranks and prints. The shortlist a coordinator acts on is saved by the case
// desk's 「候補」 command.

export interface MatchOptions {
  caseId: string | undefined;
  spec: string | undefined;
  candidates: string | undefined;
  top: number;
  json: boolean;
}

export function parseTop(raw: string | undefined): number {
  if (raw === undefined) return 10;
  const top = Number(raw);
  if (!/^[0-9]+$/u.test(raw) || top < 1 || top > 1000) throw new UsageError('--top には 1〜1000 の整数を指定してください');
  return top;
}

export function checkMatchArgs(caseId: string | undefined, spec: string | undefined): void {
  if ((caseId === undefined) === (spec === undefined)) {
    throw new UsageError('案件ID か --spec SPEC.json のどちらか一方を指定してください: bansou match (CASE_ID | --spec SPEC.json) [--candidates FILE.csv] [--top N] [--json]');
  }
}

/** Whether the command needs the database at all: not for a spec file against a CSV. */
export const matchNeedsDatabase = (o: Pick<MatchOptions, 'caseId' | 'candidates'>): boolean => o.caseId !== undefined || o.candidates === undefined;

async function inputFor(app: App | null, o: MatchOptions): Promise<MatchInput> {
  if (o.spec) return readSpecFile(o.spec);
  const caseId = (o.caseId as string).trim().toUpperCase();
  const stored = await app?.store.getCase(caseId);
  if (!stored) throw new InputError(`案件 ${o.caseId} は見つかりません。`);
  return matchInputFromFields(stored.id, stored.fields);
}

async function rankFor(app: App | null, o: MatchOptions, input: MatchInput): Promise<Shortlist> {
  if (o.candidates) {
    // A file is a pool of its own: commitments and proposals in the database do not apply.
    const pool = (await readCandidateFile(o.candidates)).map((r) => asPoolCandidate(r.profile));
    const matches = MatchIndex.build(pool).query(input, emptyContext(), o.top);
    return { caseId: input.caseId, poolSize: pool.length, proposals: matches.map(toProposal) };
  }
  return (app as App).shortlists.rank(input, o.top);
}

export async function match(app: App | null, o: MatchOptions, out: (s: string) => void): Promise<void> {
  const input = await inputFor(app, o);
  try {
    checkMatchable(input);
  } catch (err) {
    if (err instanceof ShortlistError) throw new InputError(err.message);
    throw err;
  }
  const result = await rankFor(app, o, input);
  if (o.json) {
    const list = result.proposals.map((p) => ({ candidateId: p.candidateId, score: Math.round(p.score * 10_000) / 10_000, reasons: p.reasons, gaps: p.gaps }));
    out(JSON.stringify(list, null, 2));
    return;
  }
  const title = input.caseId ? `案件 ${input.caseId} の候補者` : `${o.spec} の候補者`;
  out(shortlistText(title, result.proposals, result.poolSize));
}

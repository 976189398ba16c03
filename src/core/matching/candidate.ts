import type { Industry, Prefecture, Skill, WorkStyle } from '../vocab.js';

// The candidate as matching sees it, and as the candidate CSV carries it
// (../shared/contracts.md). Personal data (name, e-mail) and age travel apart from the
// profile: the matching path is handed PoolCandidate only, so it cannot score on them.

export const CANDIDATE_KINDS = ['senior', 'side_job', 'secondment', 'job_seeker', 'pro_bono', 'advisor'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export const CANDIDATE_KIND_LABELS: Record<CandidateKind, string> = {
  senior: '新現役',
  side_job: '副業・兼業',
  secondment: '出向',
  job_seeker: '転職希望',
  pro_bono: 'プロボノ',
  advisor: '顧問',
};

/** available: open to new cases; engaged: working somewhere, matched on remaining days; paused: not proposed. */
export const CANDIDATE_STATUSES = ['available', 'engaged', 'paused'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** What matching reads about a person: no name, no e-mail, no age. */
export interface PoolCandidate {
  id: string;
  kind: CandidateKind;
  prefecture: Prefecture;
  remoteOk: boolean;
  /** Days per week the person can give in all, before any commitment. */
  daysPerWeek: number;
  workStyles: WorkStyle[];
  /** Strongest first. */
  skillCategories: Skill[];
  industries: Industry[];
  monthlyFeeMinYen: number | null;
  headline: string | null;
  summary: string | null;
  status: CandidateStatus;
}

export type CandidateProfile = Omit<PoolCandidate, 'status'>;

/** Personal data: read only to introduce a person after a coordinator's approval. */
export interface CandidatePersonal {
  name: string;
  email: string | null;
  /** Stored for the registry's statistics; never a matching input. */
  age: number | null;
}

/** One row of the candidate CSV. */
export interface CandidateRecord {
  profile: CandidateProfile;
  personal: CandidatePersonal;
}

export const asPoolCandidate = (profile: CandidateProfile, status: CandidateStatus = 'available'): PoolCandidate => ({
  ...profile,
  status,
});

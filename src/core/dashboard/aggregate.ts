import { CASE_STATUS_LABELS, CASE_STATUSES, SKILL_LABELS, SKILLS, type CaseStatus, type Skill } from '../vocab.js';
import type { CaseFacts, DashboardData, StatusChange } from './ports.js';

// The coordinators' figures, as pure functions of the network's case facts, so each can be
// checked on its own. "Reached" counts a case at every stage it has ever been at, from its
// current status and its audited status changes; "current" counts where it is now.

export const FUNNEL: readonly CaseStatus[] = ['intake', 'drafted', 'in_review', 'approved', 'matching', 'introduced', 'hired'];

/** How far along the pipeline a status is. A returned draft had been in review; following up comes after a hire. */
const RANK: Record<CaseStatus, number> = {
  intake: 0, drafted: 1, in_review: 2, returned: 2, approved: 3, matching: 4, introduced: 5, hired: 6, following_up: 6, closed: 0,
};

const DAY_MS = 24 * 60 * 60 * 1000;

function changesByCase(changes: StatusChange[]): Map<string, StatusChange[]> {
  const out = new Map<string, StatusChange[]>();
  for (const c of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const list = out.get(c.caseId) ?? [];
    list.push(c);
    out.set(c.caseId, list);
  }
  return out;
}

function furthest(c: CaseFacts, changes: StatusChange[]): number {
  const statuses = [c.status, ...changes.flatMap((x) => [x.to, ...(x.from ? [x.from] : [])])];
  return Math.max(...statuses.map((s) => RANK[s]));
}

export interface FunnelStage {
  status: CaseStatus;
  label: string;
  reached: number;
  current: number;
}

export function funnel(cases: CaseFacts[], changes: StatusChange[]): FunnelStage[] {
  const byCase = changesByCase(changes);
  const reach = cases.map((c) => furthest(c, byCase.get(c.id) ?? []));
  return FUNNEL.map((status) => ({
    status,
    label: CASE_STATUS_LABELS[status],
    reached: reach.filter((r) => r >= RANK[status]).length,
    current: cases.filter((c) => c.status === status).length,
  }));
}

export const countByStatus = (cases: CaseFacts[]): Record<CaseStatus, number> =>
  Object.fromEntries(CASE_STATUSES.map((s) => [s, cases.filter((c) => c.status === s).length])) as Record<CaseStatus, number>;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface StepTime {
  status: CaseStatus;
  label: string;
  /** Stays that ended (the case moved on), with their median and mean length in days. */
  completed: number;
  medianDays: number | null;
  meanDays: number | null;
  /** Cases in this status now, and how long they have been in it (median, days). */
  current: number;
  currentMedianDays: number | null;
}

/** Time spent in each status: a case enters intake when it is opened, then each change starts a new stay. */
export function timeInStatus(cases: CaseFacts[], changes: StatusChange[], now: Date): StepTime[] {
  const done = new Map<CaseStatus, number[]>();
  const ongoing = new Map<CaseStatus, number[]>();
  const push = (m: Map<CaseStatus, number[]>, s: CaseStatus, days: number) => m.set(s, [...(m.get(s) ?? []), days]);
  const byCase = changesByCase(changes);
  for (const c of cases) {
    let status: CaseStatus = 'intake';
    let since = c.createdAt;
    for (const change of byCase.get(c.id) ?? []) {
      push(done, status, Math.max(0, change.at.getTime() - since.getTime()) / DAY_MS);
      status = change.to;
      since = change.at;
    }
    push(ongoing, c.status, Math.max(0, now.getTime() - since.getTime()) / DAY_MS);
  }
  return CASE_STATUSES.filter((s) => done.has(s) || ongoing.has(s)).map((status) => {
    const d = done.get(status) ?? [];
    const o = ongoing.get(status) ?? [];
    return {
      status, label: CASE_STATUS_LABELS[status],
      completed: d.length, medianDays: median(d), meanDays: d.length ? d.reduce((a, b) => a + b, 0) / d.length : null,
      current: o.length, currentMedianDays: median(o),
    };
  });
}

/** Statuses where nothing more is expected of anyone. */
const AT_REST: readonly CaseStatus[] = ['closed', 'hired'];

export interface StalledCase extends CaseFacts {
  idleDays: number;
}

/** Open cases with no activity for `days` days or more, the longest idle first. */
export function stalled(cases: CaseFacts[], days: number, now: Date): StalledCase[] {
  return cases
    .filter((c) => !AT_REST.includes(c.status))
    .map((c) => ({ ...c, idleDays: Math.floor((now.getTime() - c.lastActivityAt.getTime()) / DAY_MS) }))
    .filter((c) => c.idleDays >= days)
    .sort((a, b) => b.idleDays - a.idleDays);
}

export interface Count {
  key: string;
  label: string;
  count: number;
}

export const UNASSIGNED = '（未割り当て）';
export const UNCATEGORISED = '（未分類）';

export function byOrganisation(cases: CaseFacts[]): Count[] {
  const counts = new Map<string, Count>();
  for (const c of cases) {
    const key = c.organisationId ?? '';
    const row = counts.get(key) ?? { key, label: c.organisationName ?? UNASSIGNED, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ja'));
}

/** A case with issues in two categories counts once in each. */
export function bySkill(cases: CaseFacts[]): Count[] {
  const rows: Count[] = SKILLS.map((s: Skill) => ({ key: s, label: SKILL_LABELS[s], count: cases.filter((c) => c.categories.includes(s)).length }));
  const none = cases.filter((c) => c.categories.length === 0).length;
  return [...rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count), ...(none ? [{ key: '', label: UNCATEGORISED, count: none }] : [])];
}

export interface Figures {
  organisations: number;
  activeOrganisations: number;
  casesOpened: number;
  specsDrafted: number;
  specsApproved: number;
  introduced: number;
  hired: number;
  activeAdvisors: number;
}

/** The measures the support network reports (組織数, 求人化, マッチング…), over all time. */
export function figures(data: DashboardData): Figures {
  const stages = funnel(data.cases, data.changes);
  const reached = (s: CaseStatus) => stages.find((x) => x.status === s)?.reached ?? 0;
  const member = new Set(data.organisations.map((o) => o.id));
  const active = new Set([...data.cases.map((c) => c.organisationId), ...data.sharedWith].filter((id): id is string => id !== null && member.has(id)));
  return {
    organisations: data.organisations.filter((o) => !o.isHub).length,
    activeOrganisations: active.size,
    casesOpened: data.cases.length,
    specsDrafted: reached('drafted'),
    specsApproved: reached('approved'),
    introduced: reached('introduced'),
    hired: reached('hired'),
    activeAdvisors: data.activeAdvisors,
  };
}

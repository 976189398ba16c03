// When the scheduled check-ins after a hire fall due. The days are a deployment setting
// (FOLLOW_UP_DAYS, e.g. "30,90,180"); the job queue is given one job per day, keyed by case
// and day so that a job enqueued twice, or delivered to two servers, runs once.

export const DEFAULT_FOLLOW_UP_DAYS = [30, 90, 180] as const;
const DAY_MS = 86_400_000;

export function parseFollowUpDays(value: string | undefined): number[] {
  if (!value?.trim()) return [...DEFAULT_FOLLOW_UP_DAYS];
  const days = value.split(',').map((s) => Number(s.trim()));
  if (days.some((d) => !Number.isInteger(d) || d <= 0)) throw new RangeError(`FOLLOW_UP_DAYS は正の整数をカンマで区切って指定してください（指定: ${value}）`);
  return [...new Set(days)].sort((a, b) => a - b);
}

export interface CheckInJob {
  /** Unique per case and day: the queue's singleton key. */
  key: string;
  caseId: string;
  day: number;
  runAt: Date;
}

export function planCheckIns(caseId: string, hiredAt: Date, days: readonly number[] = DEFAULT_FOLLOW_UP_DAYS): CheckInJob[] {
  return days.map((day) => ({ key: `check-in:${caseId}:${day}`, caseId, day, runAt: new Date(hiredAt.getTime() + day * DAY_MS) }));
}

import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { previousWeek, reportMessage, type ReportSource } from '../core/report/report.js';
import { text } from '../core/replies.js';
import type { PostOnce } from '../db/post-once.js';

// The network's figures, posted to a Slack channel every week (REPORT_SLACK_CHANNEL) by a pg-boss
// schedule: one job per slot across all processes, and one post per week even if a job runs twice.

export const REPORT_QUEUE = 'weekly-report';
const TIME_ZONE = 'Asia/Tokyo';

export interface WeeklyReportDeps {
  boss: PgBoss;
  source: ReportSource;
  postOnce: PostOnce;
  /** The Slack channel id; null turns the weekly post off (and removes its schedule). */
  channelId: string | null;
  /** When to post, in cron syntax, Japan time. */
  cron: string;
  log: Logger;
  onQueued: () => void;
  now?: () => Date;
}

export type WeeklyReport = ReturnType<typeof createWeeklyReport>;

export function createWeeklyReport(deps: WeeklyReportDeps) {
  const now = deps.now ?? (() => new Date());

  /** Posts last week's figures unless this week's post went out already; true when it queued one. */
  async function post(channelId: string): Promise<boolean> {
    const week = previousWeek(now());
    const figures = await deps.source.report(week.period);
    const body = reportMessage({ from: week.from, to: week.to, ...figures }, '📊 先週の支援ネットワークの実績です');
    const posted = await deps.postOnce(`weekly-report:${channelId}:${week.from}`, [
      { channel: 'slack', address: { kind: 'slack_channel', channelId }, replies: [text(body)] },
    ]);
    deps.log.info({ channelId, week: week.from, posted }, 'weekly report');
    if (posted) deps.onQueued();
    return posted;
  }

  return {
    async start(): Promise<void> {
      const channelId = deps.channelId;
      await deps.boss.createQueue(REPORT_QUEUE, { retryLimit: 3, retryDelay: 300, expireInSeconds: 600 });
      if (!channelId) {
        await deps.boss.unschedule(REPORT_QUEUE);
        return;
      }
      await deps.boss.schedule(REPORT_QUEUE, deps.cron, {}, { tz: TIME_ZONE });
      await deps.boss.work(REPORT_QUEUE, { pollingIntervalSeconds: 30 }, async () => void (await post(channelId)));
    },
    post,
  };
}

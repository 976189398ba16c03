import type { App } from '../app.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { createFollowUpJobSource } from '../db/prisma-follow-up-store.js';
import { createPrismaReportSource } from '../db/prisma-report.js';
import { createPostOnce } from '../db/post-once.js';
import { createFollowUpJobs, type FollowUpJobs } from './follow-up-jobs.js';
import { startJobQueue } from './job-queue.js';
import { createWeeklyReport, type WeeklyReport } from './weekly-report.js';

// What the server runs on the job queue: check-ins after hires, and the weekly figures.

export interface RunningJobs {
  followUps: FollowUpJobs;
  weeklyReport: WeeklyReport;
  stop(): Promise<void>;
}

export async function startJobs(app: App, config: Config, log: Logger): Promise<RunningJobs> {
  const boss = await startJobQueue(app.db, config.jobs, log);
  try {
    const followUps = createFollowUpJobs({ boss, source: createFollowUpJobSource(app.db.prisma), runner: app.checkIns, settings: config.jobs, log, now: app.now });
    await followUps.start();
    app.onFollowUpsPlanned = () => followUps.kick();
    const channelId = config.slack || config.simulator ? config.weeklyReport.channelId : null;
    if (config.weeklyReport.channelId && !channelId) log.warn('REPORT_SLACK_CHANNEL is set but Slack is not configured: no weekly report is posted');
    const weeklyReport = createWeeklyReport({
      boss, channelId, cron: config.weeklyReport.cron, log, now: app.now, onQueued: () => app.onQueued(),
      source: createPrismaReportSource(app.db.prisma), postOnce: createPostOnce(app.db.prisma),
    });
    await weeklyReport.start();
    return {
      followUps,
      weeklyReport,
      async stop() {
        app.onFollowUpsPlanned = () => undefined;
        // Jobs in flight get a few seconds to finish; one cut off is retried by another process.
        await boss.stop({ graceful: true, timeout: 5_000 });
      },
    };
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw err;
  }
}

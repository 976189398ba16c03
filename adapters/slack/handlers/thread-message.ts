import { slackActor, tellMember, type HandlerOutcome, type SlackDeps } from '../deps.js';
import type { ThreadMessage } from '../payloads.js';

// A reply in a case's thread is the member's comment on the case. It is recorded (and shows
// on the coordinator's approval card); a 📝 reaction says so without adding noise to the thread.

export const RECORDED_REACTION = 'memo';

export async function onThreadMessage(d: SlackDeps, m: ThreadMessage): Promise<HandlerOutcome> {
  const thread = await d.threads.findByRoot(m.channel, m.threadTs);
  if (!thread) return 'rejected'; // a thread that is not a case's: ordinary conversation
  const text = m.text.trim();
  if (!text) return 'rejected';
  const r = await d.app.workflow.act(slackActor(m.user), thread.caseId, { type: 'comment', text });
  if (r.outcome === 'done') {
    // Best effort: the comment is recorded either way.
    await d.web.reactions.add({ channel: m.channel, timestamp: m.ts, name: RECORDED_REACTION })
      .catch((err: unknown) => d.log.warn({ err, channel: m.channel }, 'could not mark a recorded comment in Slack'));
  } else {
    await tellMember(d, m.user, m.channel, `${r.message}（このスレッドへの返信は案件のコメントとして記録されます）`, m.threadTs);
  }
  return 'processed';
}

import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { CaseThreadStore } from '../../src/core/notify/case-threads.js';
import type { OutboxItem, Sender, SendOutcome } from '../../src/core/outbox/types.js';
import { platformError, sendOutcomeOf } from './errors.js';
import { renderMessage, type SlackMessage } from './render.js';

// Delivers the outbox's Slack messages: the case card as the root of the case's thread
// (posted once, then updated in place), milestones as replies in that thread, and plain
// channel posts.
//
// Exactly once, even across a crash between Slack accepting a post and the outbox marking it
// sent: every post carries the outbox id in its message metadata
// (https://docs.slack.dev/messaging/message-metadata), and a second attempt first looks for a
// message carrying that id in the channel or thread (conversations.history / .replies with
// include_all_metadata) and, when it finds one, reports it sent instead of posting again.

export const METADATA_EVENT = 'bansou_outbox';
/** How far back before the outbox row was written to look for our own earlier post. */
const LOOKBACK_S = 60;
const PAGE = 200;
const MAX_PAGES = 10;

export interface SlackSenderDeps {
  web: webApi.WebClient;
  threads: CaseThreadStore;
  log: Logger;
}

interface Posted {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

type Page = { messages?: Posted[]; response_metadata?: { next_cursor?: string } };

export function createSlackSender(deps: SlackSenderDeps): Sender {
  const { web, threads } = deps;

  const metadata = (item: OutboxItem) => ({ event_type: METADATA_EVENT, event_payload: { outbox_id: item.id } });
  const oldest = (item: OutboxItem): string => String(Math.floor(item.createdAt.getTime() / 1000) - LOOKBACK_S);

  /** The ts of a message we already posted for this outbox item, if Slack has one. */
  async function alreadyPosted(item: OutboxItem, page: (cursor?: string) => Promise<Page>): Promise<string | null> {
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const res = await page(cursor);
      const found = res.messages?.find((m) => m.metadata?.event_type === METADATA_EVENT && m.metadata.event_payload?.outbox_id === item.id);
      if (found?.ts) return found.ts;
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
    deps.log.warn({ id: item.id }, 'gave up looking for an earlier post after many pages; posting');
    return null;
  }

  const inChannel = (item: OutboxItem, channel: string) => (cursor?: string) =>
    web.conversations.history({ channel, oldest: oldest(item), include_all_metadata: true, limit: PAGE, ...(cursor ? { cursor } : {}) }) as Promise<Page>;
  const inThread = (item: OutboxItem, channel: string, ts: string) => (cursor?: string) =>
    web.conversations.replies({ channel, ts, oldest: oldest(item), include_all_metadata: true, limit: PAGE, ...(cursor ? { cursor } : {}) }) as Promise<Page>;

  /** Posts unless an earlier attempt already did; only a retried item pays for the look-up. */
  async function postOnce(item: OutboxItem, channel: string, message: SlackMessage, threadTs?: string): Promise<string> {
    if (item.attempts > 1) {
      const found = await alreadyPosted(item, threadTs ? inThread(item, channel, threadTs) : inChannel(item, channel));
      if (found) {
        deps.log.info({ id: item.id, ts: found }, 'found the message posted by an earlier attempt; not posting again');
        return found;
      }
    }
    const res = await web.chat.postMessage({
      channel, ...message, metadata: metadata(item), unfurl_links: false, unfurl_media: false, ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    if (!res.ts) throw new Error('chat.postMessage answered without a ts');
    return res.ts;
  }

  async function deliver(item: OutboxItem): Promise<SendOutcome> {
    const a = item.address;
    const message = renderMessage(item.replies);
    switch (a.kind) {
      case 'slack_case_root': {
        const thread = await threads.find(a.caseId);
        if (thread) {
          try {
            // The thread stays where it started, also after a hand-over: the new organisation
            // gets its own post (a slack_channel notice), and the history stays in one place.
            await web.chat.update({ channel: thread.channelId, ts: thread.rootTs, ...message });
            return { status: 'sent', result: { channel: thread.channelId, ts: thread.rootTs, updated: true } };
          } catch (err) {
            // Someone deleted the card: start the thread again rather than lose the case.
            if (platformError(err) !== 'message_not_found') throw err;
            deps.log.warn({ caseId: a.caseId }, 'case card was deleted in Slack; posting a new one');
          }
        }
        const ts = await postOnce(item, a.channelId, message);
        await threads.save({ caseId: a.caseId, channelId: a.channelId, rootTs: ts });
        return { status: 'sent', result: { channel: a.channelId, ts } };
      }
      case 'slack_case_thread': {
        const thread = await threads.find(a.caseId);
        // The root is always queued before its replies (same order key), so this means the
        // root went dead, e.g. the bot is not in the channel: keep the reply for an operator.
        if (!thread) return { status: 'failed', error: `case ${a.caseId} has no Slack thread (was its card delivered?)` };
        const ts = await postOnce(item, thread.channelId, message, thread.rootTs);
        return { status: 'sent', result: { channel: thread.channelId, ts, thread_ts: thread.rootTs } };
      }
      case 'slack_channel': {
        const ts = await postOnce(item, a.channelId, message);
        return { status: 'sent', result: { channel: a.channelId, ts } };
      }
      default:
        return { status: 'failed', error: `not a Slack address: ${a.kind}` };
    }
  }

  return {
    async send(item) {
      try {
        return await deliver(item);
      } catch (err) {
        return sendOutcomeOf(err);
      }
    },
  };
}

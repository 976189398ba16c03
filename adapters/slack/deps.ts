import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { App } from '../../src/app.js';
import type { CaseDesk } from '../../src/core/members/case-desk.js';
import type { CaseThreadStore } from '../../src/core/notify/case-threads.js';
import type { Reply } from '../../src/core/replies.js';
import type { MemberIdentityRef } from '../../src/core/workflow/ports.js';
import { renderMessage } from './render.js';

// What the handlers share, and the two ways they answer the member who acted: an ephemeral
// message (seen only by them) in the channel, or the slash command's response_url.

export interface SlackDeps {
  app: App;
  web: webApi.WebClient;
  threads: CaseThreadStore;
  desk: CaseDesk;
  log: Logger;
}

/** `processed`, or `rejected` when the item was not for us (kept in message_log as such). */
export type HandlerOutcome = 'processed' | 'rejected';

/**
 * A Slack user is known by their user id alone (U… or W…): one bot token serves one
 * workspace, and an Enterprise Grid id is already global. It is what an admin copies from a
 * profile (「メンバーIDをコピー」) into `bansou member add --slack`.
 */
export const slackActor = (userId: string): MemberIdentityRef => ({ channel: 'slack', externalId: userId });

/**
 * Tells one member something in a channel, visible only to them. Best effort: ephemeral
 * messages are answers to a click, worthless later, so they skip the outbox and a failure is
 * only logged.
 */
export async function tellMember(d: SlackDeps, user: string, channel: string | null, text: string, threadTs?: string | null): Promise<void> {
  if (!channel) return;
  try {
    await d.web.chat.postEphemeral({ channel, user, ...renderMessage([{ type: 'text', text }]), ...(threadTs ? { thread_ts: threadTs } : {}) });
  } catch (err) {
    d.log.warn({ err, channel, user }, 'could not send an ephemeral answer in Slack');
  }
}

/**
 * Answers a slash command through its response_url, which works in any channel or DM, bot
 * member or not (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses).
 */
export async function respond(d: SlackDeps, responseUrl: string, replies: Reply[]): Promise<void> {
  const res = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ response_type: 'ephemeral', ...renderMessage(replies) }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
}

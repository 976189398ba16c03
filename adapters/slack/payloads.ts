import { z } from 'zod';
import type { SubmittedValues } from './modals.js';

// What Slack sends, checked with zod after Bolt has verified the signature and parsed the
// body, and mapped to the few shapes the handlers work with. Every inbound item carries the
// id it is de-duplicated on: the Events API's event_id, which stays the same across Slack's
// retries (https://docs.slack.dev/apis/events-api/#retries); for interactions and commands,
// which Slack does not retry, the trigger_id that is unique to each one.

const eventCallback = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  event: z.looseObject({ type: z.string() }),
});

// https://docs.slack.dev/reference/events/message: a thread reply carries thread_ts (the root's ts).
const messageEvent = z.object({
  type: z.literal('message'),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  user: z.string().min(1),
  channel: z.string().min(1),
  text: z.string().default(''),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
});

const appHomeOpened = z.object({ type: z.literal('app_home_opened'), user: z.string().min(1), tab: z.string().optional() });

const blockActions = z.object({
  type: z.literal('block_actions'),
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1) }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
  channel: z.object({ id: z.string() }).optional(),
  container: z.looseObject({ channel_id: z.string().optional(), message_ts: z.string().optional(), thread_ts: z.string().optional() }).optional(),
});

const viewSubmission = z.object({
  type: z.literal('view_submission'),
  trigger_id: z.string().min(1),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string(),
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({
      values: z.record(z.string(), z.record(z.string(), z.looseObject({
        value: z.string().nullish(),
        selected_option: z.object({ value: z.string() }).nullish(),
      }))),
    }),
  }),
});

const slashCommand = z.object({
  command: z.string().startsWith('/'),
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().min(1),
  response_url: z.url(),
});

/** A case button's value: the case id, then `:candidateId` when the action is about one person. */
const caseValue = z.string().regex(/^C-[0-9A-Z]{8}(?::\S{1,64})?$/).transform((v) => {
  const at = v.indexOf(':');
  return at < 0 ? { caseId: v, candidateId: null } : { caseId: v.slice(0, at), candidateId: v.slice(at + 1) };
});

export function parseCaseValue(value: string): { caseId: string; candidateId: string | null } | null {
  const parsed = caseValue.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type ThreadMessage = { type: 'thread_message'; id: string; user: string; channel: string; threadTs: string; ts: string; text: string };
export type AppHomeOpened = { type: 'app_home_opened'; id: string; user: string };
export type BlockAction = { type: 'block_actions'; id: string; user: string; triggerId: string; actionId: string; value: string; channelId: string | null; messageTs: string | null };
export type ViewSubmission = { type: 'view_submission'; id: string; user: string; callbackId: string; metadata: string; values: SubmittedValues };
export type SlashCommand = { type: 'slash_command'; id: string; user: string; text: string; channelId: string; responseUrl: string };

export type SlackInbound = ThreadMessage | AppHomeOpened | BlockAction | ViewSubmission | SlashCommand;

export type Classified = { ok: true; inbound: SlackInbound } | { ok: false; reason: string };

const ignored = (reason: string): Classified => ({ ok: false, reason });

// Edits, deletions, joins and the like are not things a member said to a case.
const SAID_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

function classifyEvent(eventId: string, event: { type: string }): Classified {
  switch (event.type) {
    case 'message': {
      const m = messageEvent.safeParse(event);
      if (!m.success) return ignored('message without a user (a bot, or a system message)');
      const e = m.data;
      if (e.bot_id) return ignored('a bot message (our own thread posts come back this way)');
      if (!SAID_SUBTYPES.has(e.subtype)) return ignored(`message subtype ${e.subtype}`);
      if (!e.thread_ts || e.thread_ts === e.ts) return ignored('not a thread reply');
      return { ok: true, inbound: { type: 'thread_message', id: eventId, user: e.user, channel: e.channel, threadTs: e.thread_ts, ts: e.ts, text: e.text } };
    }
    case 'app_home_opened': {
      const h = appHomeOpened.safeParse(event);
      if (!h.success) return ignored('malformed app_home_opened');
      if (h.data.tab && h.data.tab !== 'home') return ignored(`app home tab ${h.data.tab}`);
      return { ok: true, inbound: { type: 'app_home_opened', id: eventId, user: h.data.user } };
    }
    default:
      return ignored(`event ${event.type}`);
  }
}

/** Maps a verified, parsed Slack body to one inbound item, or says why it is ignored. */
export function classify(body: unknown): Classified {
  const type = (body as { type?: unknown } | null)?.type;
  if (type === 'event_callback') {
    const e = eventCallback.safeParse(body);
    return e.success ? classifyEvent(e.data.event_id, e.data.event) : ignored('malformed event_callback');
  }
  if (type === 'block_actions') {
    const a = blockActions.safeParse(body);
    if (!a.success) return ignored('malformed block_actions');
    const d = a.data;
    const action = d.actions[0] as { action_id: string; value?: string };
    return { ok: true, inbound: {
      type: 'block_actions', id: `action:${d.trigger_id}`, user: d.user.id, triggerId: d.trigger_id, actionId: action.action_id, value: action.value ?? '',
      channelId: d.channel?.id ?? d.container?.channel_id ?? null, messageTs: d.container?.message_ts ?? null,
    } };
  }
  if (type === 'view_submission') {
    const v = viewSubmission.safeParse(body);
    if (!v.success) return ignored('malformed view_submission');
    const d = v.data;
    return { ok: true, inbound: { type: 'view_submission', id: `view:${d.trigger_id}`, user: d.user.id, callbackId: d.view.callback_id, metadata: d.view.private_metadata, values: d.view.state.values as SubmittedValues } };
  }
  if (typeof (body as { command?: unknown } | null)?.command === 'string') {
    const c = slashCommand.safeParse(body);
    if (!c.success) return ignored('malformed slash command');
    const d = c.data;
    return { ok: true, inbound: { type: 'slash_command', id: `command:${d.trigger_id}`, user: d.user_id, text: d.text, channelId: d.channel_id, responseUrl: d.response_url } };
  }
  return ignored(`payload type ${String(type)}`);
}

/** How the item is kept in message_log: commands and messages are text, interactions other. */
export function logEntry(i: SlackInbound): { kind: 'text' | 'other'; text: string } {
  switch (i.type) {
    case 'thread_message':
      return { kind: 'text', text: i.text };
    case 'slash_command':
      return { kind: 'text', text: i.text };
    case 'app_home_opened':
      return { kind: 'other', text: 'app_home_opened' };
    case 'block_actions':
      return { kind: 'other', text: `${i.actionId}:${i.value}` };
    case 'view_submission':
      return { kind: 'other', text: `view_submission:${i.callbackId}` };
  }
}

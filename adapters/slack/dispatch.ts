import type { SlackDeps, HandlerOutcome } from './deps.js';
import { onAppHomeOpened } from './handlers/app-home-opened.js';
import { onBlockAction } from './handlers/block-actions.js';
import { onSlashCommand } from './handlers/slash-command.js';
import { onThreadMessage } from './handlers/thread-message.js';
import { checkSubmission, onViewSubmission } from './handlers/view-submission.js';
import { classify, logEntry, type SlackInbound } from './payloads.js';

// Everything Slack sends, after Bolt has checked the signature and the timestamp (a bad one
// gets 401 before this runs): parse → ack → store (de-duplicated) → handle.
//
// The ack comes first, always: Slack wants it within 3 seconds
// (https://docs.slack.dev/apis/events-api/#responding) and retries an unanswered event up to
// three times. Bolt itself acks Events API requests before any middleware runs. Storing
// follows at once, keyed on the item's id, so a retry that still gets through is recognised
// and ignored, and the work runs after that, however long it takes.

export type Ack = (response?: Record<string, unknown>) => Promise<void>;

export interface SlackMiddlewareArgs {
  body: unknown;
  ack?: Ack;
}

async function handle(d: SlackDeps, i: SlackInbound): Promise<HandlerOutcome> {
  switch (i.type) {
    case 'thread_message':
      return onThreadMessage(d, i);
    case 'app_home_opened':
      return onAppHomeOpened(d, i);
    case 'block_actions':
      return onBlockAction(d, i);
    case 'view_submission':
      return onViewSubmission(d, i);
    case 'slash_command':
      return onSlashCommand(d, i);
  }
}

/** The ack for a modal submission carries its field errors, and keeps the modal open. */
function ackFor(i: SlackInbound): { response?: Record<string, unknown>; proceed: boolean } {
  if (i.type !== 'view_submission') return { proceed: true };
  const checked = checkSubmission(i);
  if (!checked.ok && checked.errors) return { response: { response_action: 'errors', errors: checked.errors }, proceed: false };
  return { proceed: true };
}

export interface Dispatch {
  (args: SlackMiddlewareArgs): Promise<void>;
  /** Resolves when the work started so far has finished (for a clean stop). */
  idle(): Promise<void>;
}

export function createDispatch(d: SlackDeps): Dispatch {
  const inFlight = new Set<Promise<void>>();

  async function work(i: SlackInbound): Promise<void> {
    const entry = logEntry(i);
    const { messageId, duplicate } = await d.app.store.recordInbound({
      channel: 'slack', eventId: i.id, sender: { externalId: i.user }, kind: entry.kind, text: entry.text, receivedAt: new Date(),
    });
    if (duplicate) {
      d.log.info({ id: i.id, type: i.type }, 'duplicate Slack delivery ignored');
      return;
    }
    try {
      const outcome = await handle(d, i);
      await d.app.store.finishInbound(messageId, outcome);
    } catch (err) {
      d.log.error({ err, id: i.id, type: i.type }, 'Slack handler failed; the item is kept as failed');
      await d.app.store.finishInbound(messageId, 'failed', (err as Error).message).catch(() => undefined);
    }
  }

  const dispatch = async ({ body, ack }: SlackMiddlewareArgs): Promise<void> => {
    const classified = classify(body);
    if (!classified.ok) {
      await ack?.();
      d.log.debug({ reason: classified.reason }, 'ignored a Slack request');
      return;
    }
    const i = classified.inbound;
    const { response, proceed } = ackFor(i);
    await ack?.(response);
    if (!proceed) return;
    const running = work(i).catch((err: unknown) => d.log.error({ err, id: i.id }, 'could not store a Slack request'));
    inFlight.add(running);
    try {
      await running;
    } finally {
      inFlight.delete(running);
    }
  };
  return Object.assign(dispatch, { idle: async () => void (await Promise.all([...inFlight])) });
}

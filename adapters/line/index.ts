import { messagingApi } from '@line/bot-sdk';
import type { LineSettings } from '../../src/config/config.js';
import { text } from '../../src/core/replies.js';
import type { AdapterContext, ChannelAdapter } from '../../src/server/channel-adapter.js';
import { createLineSender } from './sender.js';
import { lineWebhookHandler, type StoredEvent } from './webhook.js';
import type { Classified } from './events.js';

// Owners on LINE: the webhook, the sender the outbox uses, and recovery of messages that were
// stored but not processed when the last process stopped.

/** Show LINE's typing indicator when a turn takes longer than this. */
const LOADING_AFTER_MS = 800;
const RECOVER_OLDER_THAN_MS = 60_000;

type Actionable = Exclude<Classified, { kind: 'ignored' }>;

export function createLineAdapter(ctx: AdapterContext, settings: LineSettings): ChannelAdapter {
  const { app, log } = ctx;
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: settings.channelAccessToken,
    ...(settings.apiBaseUrl ? { baseURL: settings.apiBaseUrl } : {}),
  });
  const messages = app.engine.content.messages;
  const chains = new Map<string, Promise<void>>();

  async function withLoading<T>(userId: string, work: Promise<T>): Promise<T> {
    const timer = setTimeout(() => {
      client.showLoadingAnimation({ chatId: userId, loadingSeconds: 20 }).catch((err: unknown) => log.debug({ err }, 'loading animation not shown'));
    }, LOADING_AFTER_MS);
    try {
      return await work;
    } finally {
      clearTimeout(timer);
    }
  }

  async function handle({ event, messageId }: { event: Actionable; messageId: string }): Promise<void> {
    const owner = { channel: 'line', externalId: event.message.sender.externalId };
    switch (event.kind) {
      case 'owner_message':
        await withLoading(event.userId, app.owners.process(event.message, messageId, event.delivery));
        return;
      case 'follow':
        await app.store.setOwnerActive(owner, true);
        await app.outbox.enqueue([{ channel: 'line', ...event.delivery, replies: [text(messages.followGreeting)] }]);
        break;
      case 'unfollow':
        await app.store.setOwnerActive(owner, false);
        break;
      case 'group':
        await app.outbox.enqueue([{ channel: 'line', ...event.delivery, replies: [text(messages.groupDeclined)] }]);
        break;
    }
    await app.store.finishInbound(messageId, event.kind === 'group' ? 'rejected' : 'processed');
    app.onQueued();
  }

  /** One chain per chat keeps a user's events in the order LINE sent them. */
  function enqueue(stored: StoredEvent[]): void {
    for (const s of stored) {
      if (s.event.kind === 'ignored') continue;
      const item = { event: s.event, messageId: s.messageId };
      const key = s.event.delivery.address.kind === 'line_user' ? s.event.delivery.address.userId : s.messageId;
      const next = (chains.get(key) ?? Promise.resolve())
        .then(() => handle(item))
        .catch((err: unknown) => log.error({ err, messageId: s.messageId }, 'LINE event processing failed; the message stays stored'))
        .finally(() => {
          if (chains.get(key) === next) chains.delete(key);
        });
      chains.set(key, next);
    }
  }

  return {
    channel: 'line',
    routes: [{
      method: 'POST',
      path: '/line/webhook',
      handler: lineWebhookHandler({
        channelSecret: settings.channelSecret,
        log,
        store: (event) => (event.kind === 'owner_message' ? app.owners.accept(event.message) : app.store.recordInbound(event.message)),
        process: enqueue,
      }),
    }],
    sender: createLineSender(client, log),
    async start() {
      const pending = await app.store.unprocessedInbound('line', RECOVER_OLDER_THAN_MS);
      if (pending.length) log.warn({ count: pending.length }, 'processing LINE messages left unprocessed by the last run');
      for (const { message, messageId } of pending) {
        // A follow or unfollow left over is stale by now; only owner messages are replayed.
        if (message.kind === 'other') {
          await app.store.finishInbound(messageId, 'processed');
          continue;
        }
        await app.owners.process(message, messageId, { address: { kind: 'line_user', userId: message.sender.externalId } });
      }
    },
    async stop() {
      await Promise.allSettled([...chains.values()]);
    },
  };
}

import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import { createCaseDesk } from '../../src/core/members/case-desk.js';
import { createPrismaCaseThreadStore } from '../../src/db/prisma-case-thread-store.js';
import type { AdapterContext, ChannelAdapter } from '../../src/server/channel-adapter.js';
import { apiBase, clientOptions, createWebClient, slackLogger } from './client.js';
import type { SlackDeps } from './deps.js';
import { createDispatch, type Ack } from './dispatch.js';
import { createSlackSender } from './sender.js';

// The Slack adapter for advisors: a Bolt app on an HTTPReceiver mounted at POST /slack/events
// (or on Socket Mode with SLACK_SOCKET_MODE=true), and the outbox's Slack sender.

export const SLACK_EVENTS_PATH = '/slack/events';

export async function createSlackAdapter(ctx: AdapterContext): Promise<ChannelAdapter> {
  const settings = ctx.config.slack;
  if (!settings) throw new Error('the Slack adapter needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN');
  const log = ctx.log.child({ adapter: 'slack' });
  const logger = slackLogger(log);
  // A call that hangs must end well before its outbox lease does, or a second attempt could
  // overlap it.
  const timeoutMs = Math.max(1000, Math.min(10_000, Math.floor(ctx.config.outbox.leaseMs / 2)));
  const web = createWebClient({ botToken: settings.botToken, apiUrl: settings.apiUrl, timeoutMs, log });
  const threads = createPrismaCaseThreadStore(ctx.app.db.prisma);
  const desk = createCaseDesk({ store: ctx.app.store, workflowStore: ctx.app.workflowStore, content: ctx.app.engine.content });
  const deps: SlackDeps = { app: ctx.app, web, threads, desk, log };
  const dispatch = createDispatch(deps);

  // processBeforeResponse: false, so an ack is answered at once, not when the work is done.
  // Bolt checks the v0 signature over `v0:timestamp:body` and refuses a timestamp more than
  // five minutes old with 401 (https://docs.slack.dev/authentication/verifying-requests-from-slack).
  const http = settings.socketMode ? null : new HTTPReceiver({
    signingSecret: settings.signingSecret, endpoints: [SLACK_EVENTS_PATH], processBeforeResponse: false, logger,
  });
  const receiver: Receiver = http ?? new SocketModeReceiver({
    appToken: settings.appToken as string, logger, installerOptions: { clientOptions: { slackApiUrl: apiBase(settings.apiUrl) } },
  });

  // Our own authorize, so no request waits for auth.test: Bolt's single-token mode with token
  // verification off calls auth.test on every event, before the ack. The bot's ids are
  // learned in the background at start; nothing depends on them (bot messages are recognised
  // by their bot_id), so ignoreSelf is off.
  const identity: { botId?: string; botUserId?: string } = {};
  const bolt = new App({
    receiver, logger, ignoreSelf: false, convoStore: false,
    authorize: async () => ({ botToken: settings.botToken, ...identity }),
    clientOptions: clientOptions({ apiUrl: settings.apiUrl, timeoutMs, log }),
  });
  bolt.use(async (args) => {
    const ack = 'ack' in args ? (args.ack as Ack | undefined) : undefined;
    await dispatch({ body: args.body, ack });
  });
  bolt.error(async (err) => void log.error({ err }, 'Slack request failed in Bolt'));

  return {
    channel: 'slack',
    routes: http ? [{ method: 'POST', path: SLACK_EVENTS_PATH, handler: (req, res) => http.requestListener(req, res) }] : [],
    sender: createSlackSender({ web, threads, log }),
    async start() {
      web.auth.test().then(
        (r) => {
          Object.assign(identity, { botId: r.bot_id, botUserId: r.user_id });
          log.info({ team: r.team, bot: r.user_id }, 'Slack bot token works');
        },
        (err: unknown) => log.warn({ err: (err as Error).message }, 'Slack auth.test failed; check SLACK_BOT_TOKEN (requests are still served)'),
      );
      if (settings.socketMode) await bolt.start();
    },
    async stop() {
      if (settings.socketMode) await bolt.stop();
      await dispatch.idle();
    },
  };
}

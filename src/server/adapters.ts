import type { AdapterContext, ChannelAdapter } from './channel-adapter.js';

// The composition root for messengers: each adapter is mounted when its credentials are set
// and absent, with one log line saying how to turn it on, when they are not.

interface AdapterEntry {
  channel: string;
  enabled: (ctx: AdapterContext) => boolean;
  howToEnable: string;
  load: (ctx: AdapterContext) => Promise<ChannelAdapter>;
}

const ENTRIES: AdapterEntry[] = [
  {
    channel: 'line',
    enabled: (ctx) => ctx.config.line !== null,
    howToEnable: 'set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN',
    load: async (ctx) => (await import('../../adapters/line/index.js')).createLineAdapter(ctx, ctx.config.line!),
  },
  {
    channel: 'teams',
    enabled: (ctx) => ctx.config.teams !== null,
    howToEnable: 'set TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID (or TEAMS_ENABLED=true for local development)',
    load: async (ctx) => (await import('../../adapters/teams/index.js')).createTeamsAdapter(ctx),
  },
  {
    channel: 'slack',
    enabled: (ctx) => ctx.config.slack !== null,
    howToEnable: 'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (and SLACK_SOCKET_MODE=true with SLACK_APP_TOKEN for Socket Mode)',
    load: async (ctx) => (await import('../../adapters/slack/index.js')).createSlackAdapter(ctx),
  },
];

export async function createAdapters(ctx: AdapterContext): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  for (const entry of ENTRIES) {
    if (!entry.enabled(ctx)) {
      ctx.log.info({ channel: entry.channel }, `${entry.channel} adapter is off: ${entry.howToEnable}`);
      continue;
    }
    adapters.push(await entry.load(ctx));
    ctx.log.info({ channel: entry.channel }, `${entry.channel} adapter is on`);
  }
  // The local web console is always on (contracts.md: GET /). It also stands in for each
  // member messenger that no real adapter above claimed; a configured real adapter wins.
  const claimed = new Set(adapters.map((a) => a.channel));
  adapters.push(...(await import('../../adapters/web/index.js')).createWebAdapters(ctx, claimed));
  return assertOneAdapterPerChannel(adapters);
}

/** Two adapters claiming one channel would make the outbox's choice of sender arbitrary. */
export function assertOneAdapterPerChannel(adapters: ChannelAdapter[]): ChannelAdapter[] {
  const seen = new Set<string>();
  for (const a of adapters) {
    if (seen.has(a.channel)) throw new Error(`two adapters claim the channel '${a.channel}'`);
    seen.add(a.channel);
  }
  return adapters;
}

import type { AdapterContext, ChannelAdapter } from '../../src/server/channel-adapter.js';
import { createCaseDesk } from '../../src/core/members/case-desk.js';
import { createAgent } from './handlers/index.js';
import { messagesHandler } from './http.js';
import { botIdentity, createCloudAdapter } from './sdk.js';
import { createTeamsSender } from './sender.js';
import { CHANNEL, createPrismaTeamsStore } from './store.js';

/**
 * Teams for coordinators, on the Microsoft 365 Agents SDK: approval cards with
 * `Action.Execute` buttons, the case desk in a 1:1 chat, and proactive messages through each
 * member's stored conversation reference, all sent by the outbox.
 */
export function createTeamsAdapter(ctx: AdapterContext): ChannelAdapter {
  const settings = ctx.config.teams;
  if (!settings) throw new Error('createTeamsAdapter needs Teams settings (TEAMS_CLIENT_ID…, or TEAMS_ENABLED=true for development)');
  const log = ctx.log.child({ channel: CHANNEL });
  if (!settings.clientId) log.warn('Teams runs without an app registration: requests are not authenticated (development only)');
  const adapter = createCloudAdapter(settings);
  const store = createPrismaTeamsStore(ctx.app.db.prisma);
  const desk = createCaseDesk({ store: ctx.app.store, workflowStore: ctx.app.workflowStore, content: ctx.app.engine.content });
  const agent = createAgent(adapter, { app: ctx.app, store, desk, log });
  return {
    channel: CHANNEL,
    routes: [{ method: 'POST', path: '/api/messages', handler: messagesHandler(adapter, (turn) => agent.run(turn)) }],
    sender: createTeamsSender({ adapter, identity: botIdentity(settings), store, log }),
  };
}

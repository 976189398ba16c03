import { AgentApplication, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { text } from '../../../src/core/replies.js';
import { renderActivity } from '../render.js';
import { onCardAction } from './card-action.js';
import { MESSAGES, type HandlerDeps } from './context.js';
import { onInstallationUpdate, onMembersAdded } from './installed.js';
import { onMessage } from './message.js';

// One route per inbound activity type, on the SDK's AgentApplication: its
// `adaptiveCards.actionExecute` parses the `adaptiveCard/action` invoke and turns the handler's
// card (or text) into the invoke response Teams expects. Activities without a route (typing,
// reactions, other invokes) are ignored; an unknown invoke gets the SDK's 501.

export function createAgent(adapter: CloudAdapter, deps: HandlerDeps): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ adapter, removeRecipientMention: true });
  agent.onActivity('message', (ctx) => onMessage(ctx, deps));
  agent.onConversationUpdate('membersAdded', (ctx) => onMembersAdded(ctx, deps));
  agent.onActivity('installationUpdate', (ctx) => onInstallationUpdate(ctx, deps));
  agent.adaptiveCards.actionExecute(/^[a-z_]+$/, (ctx, _state, action) => onCardAction(ctx, deps, action as { verb?: string; data?: unknown }));
  agent.onError((ctx, err) => onTurnError(ctx, err, deps));
  return agent;
}

/**
 * The SDK's default tells the user to "fix the source code"; here the error is logged and the
 * person gets an apology: as the invoke response for a card click, as a message otherwise.
 */
async function onTurnError(ctx: TurnContext, err: Error, deps: HandlerDeps): Promise<void> {
  deps.log.error({ err, type: ctx.activity.type, name: ctx.activity.name }, 'Teams turn failed');
  try {
    if (ctx.activity.type === 'invoke') {
      await ctx.sendActivity({
        type: 'invokeResponse',
        value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: MESSAGES.failed } },
      } as Parameters<TurnContext['sendActivity']>[0]);
    } else if (ctx.activity.type === 'message') {
      await ctx.sendActivity(renderActivity([text(MESSAGES.failed)]));
    }
  } catch (reply) {
    deps.log.warn({ err: reply }, 'could not tell the Teams user about the failure');
  }
}

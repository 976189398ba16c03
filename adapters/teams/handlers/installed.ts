import type { TurnContext } from '@microsoft/agents-hosting';
import { text } from '../../../src/core/replies.js';
import { renderActivity } from '../render.js';
import { MESSAGES, memberOf, queueForMember, rememberChat, type HandlerDeps } from './context.js';

// The bot added to a chat. Teams sends both a conversationUpdate (membersAdded with the bot)
// and an installationUpdate (action "add") for one install; both store the reference, only
// the first greets, so the member is not welcomed twice.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events

function botWasAdded(ctx: TurnContext): boolean {
  const bot = ctx.activity.recipient?.id;
  return Boolean(bot && ctx.activity.membersAdded?.some((m) => m.id === bot));
}

export async function onMembersAdded(ctx: TurnContext, deps: HandlerDeps): Promise<void> {
  if (!botWasAdded(ctx)) return;
  const member = await memberOf(deps, ctx.activity);
  if (!member) {
    // A personal install by someone we do not know: tell them once, kindly.
    if (ctx.activity.conversation?.conversationType === 'personal') await ctx.sendActivity(renderActivity([text(MESSAGES.notRegistered)]));
    return;
  }
  if (await rememberChat(deps, ctx, member)) await queueForMember(deps, member.id, [text(MESSAGES.welcome)]);
}

export async function onInstallationUpdate(ctx: TurnContext, deps: HandlerDeps): Promise<void> {
  if (!String(ctx.activity.action ?? '').startsWith('add')) return;
  const member = await memberOf(deps, ctx.activity);
  if (member) await rememberChat(deps, ctx, member);
}

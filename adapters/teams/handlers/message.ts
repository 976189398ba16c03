import type { TurnContext } from '@microsoft/agents-hosting';
import { text } from '../../../src/core/replies.js';
import { renderActivity } from '../render.js';
import { MESSAGES, memberOf, queueForMember, rememberChat, type HandlerDeps } from './context.js';

/**
 * A member writing to the bot: 「一覧」, 「表示 C-…」 or anything else (help) from the case
 * desk. Writing also (re)stores the member's conversation reference.
 *
 * Someone unregistered, or anyone writing from a group chat or channel, gets a direct answer
 * in the turn rather than through the outbox: there is no member to address it to, and if an
 * outage loses it nothing is lost but a refusal they can ask for again.
 */
export async function onMessage(ctx: TurnContext, deps: HandlerDeps): Promise<void> {
  const member = await memberOf(deps, ctx.activity);
  if (!member) {
    deps.log.info({ from: ctx.activity.from?.aadObjectId }, 'Teams message from an unregistered account');
    await ctx.sendActivity(renderActivity([text(MESSAGES.notRegistered)]));
    return;
  }
  if (!(await rememberChat(deps, ctx, member))) {
    await ctx.sendActivity(renderActivity([text(MESSAGES.personalOnly)]));
    return;
  }
  const replies = await deps.desk.respond(ctx.activity.text ?? '', { channel: 'teams', externalId: ctx.activity.from?.aadObjectId ?? '' });
  await queueForMember(deps, member.id, replies);
}

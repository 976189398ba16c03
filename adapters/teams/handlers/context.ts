import type { TurnContext } from '@microsoft/agents-hosting';
import type { App } from '../../../src/app.js';
import type { Logger } from '../../../src/config/logger.js';
import type { CaseDesk } from '../../../src/core/members/case-desk.js';
import type { OutboundMessage } from '../../../src/core/outbox/types.js';
import type { Reply } from '../../../src/core/replies.js';
import type { MemberIdentityRef, MemberRecord } from '../../../src/core/workflow/ports.js';
import type { Activity } from '../sdk.js';
import { CHANNEL, type TeamsStore } from '../store.js';

// What every Teams handler works with, and the few facts about an activity they share.

export interface HandlerDeps {
  app: App;
  store: TeamsStore;
  desk: CaseDesk;
  log: Logger;
}

export const MESSAGES = {
  notRegistered: '申し訳ありません。このアカウントは bansou に登録されていません。所属機関の管理者に登録をご依頼ください。',
  personalOnly: 'bansou とのやり取りは、ボットとの個別チャットでお願いいたします。',
  welcome: 'bansou です。承認のご依頼はこのチャットにお届けします。「一覧」で最近の案件を、「表示 C-XXXXXXXX」で案件の内容をご覧いただけます。',
  failed: 'ただいま処理できませんでした。少し時間をおいて、もう一度お試しください。',
} as const;

/** A member is known in Teams by their Entra (AAD) object id, stable across chats and devices. */
export function actorOf(activity: Activity): MemberIdentityRef | null {
  const id = activity.from?.aadObjectId ?? activity.from?.id;
  return id ? { channel: CHANNEL, externalId: id } : null;
}

export async function memberOf(deps: HandlerDeps, activity: Activity): Promise<MemberRecord | null> {
  const actor = actorOf(activity);
  return actor ? deps.app.workflowStore.findMember(actor) : null;
}

/**
 * Only a 1:1 chat is a place to reach a member unprompted: a reference taken from a group chat
 * or a channel would post case details where others read them.
 */
export function isPersonal(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
}

/**
 * Remembers how to reach the member, then lets anything that was waiting for this go out.
 * Returns false when the chat is not one to remember.
 */
export async function rememberChat(deps: HandlerDeps, ctx: TurnContext, member: MemberRecord): Promise<boolean> {
  if (!isPersonal(ctx.activity)) return false;
  await deps.store.saveReference(member.id, ctx.activity.getConversationReference());
  const woken = await deps.store.wake(member.id);
  if (woken) {
    deps.log.info({ memberId: member.id, woken }, 'Teams chat opened; waiting messages are due now');
    deps.app.onQueued();
  }
  return true;
}

/** Replies to a known member go through the outbox like every other message. */
export async function queueForMember(deps: HandlerDeps, memberId: string, replies: Reply[], caseId?: string): Promise<void> {
  const message: OutboundMessage = { channel: CHANNEL, address: { kind: 'teams_member', memberId, ...(caseId ? { caseId } : {}) }, replies, caseId: caseId ?? null };
  await deps.app.outbox.enqueue([message]);
  deps.app.onQueued();
}

import type { Reply } from '../replies.js';

// Where an outbound message goes. Adapters resolve these to their platform's own ids at send
// time, so a message queued before a Slack thread existed still lands in that thread.
export type Address =
  | { kind: 'line_user'; userId: string }
  /** An owner in the web console's simulator, known by their browser session's subject. */
  | { kind: 'web_session'; sessionId: string }
  /** The case's root card in its organisation's channel: posted once, then updated in place. */
  | { kind: 'slack_case_root'; caseId: string; channelId: string }
  /** A reply in the case's thread (milestones, owner relays). */
  | { kind: 'slack_case_thread'; caseId: string }
  | { kind: 'slack_channel'; channelId: string }
  /**
   * A member reached proactively through their stored conversation reference. With
   * `updateActivityId`, the message replaces that earlier activity (a card updated in place)
   * in `conversationId` rather than posting a new one.
   */
  | { kind: 'teams_member'; memberId: string; caseId?: string; updateActivityId?: string; conversationId?: string };

export interface OutboundMessage {
  channel: string;
  address: Address;
  replies: Reply[];
  caseId?: string | null;
  /** LINE: answer with the event's reply token while it is valid (free, instant). */
  replyToken?: string;
  replyTokenExpiresAt?: Date;
}

export interface OutboxItem extends OutboundMessage {
  id: string;
  attempts: number;
  createdAt: Date;
}

export type SendOutcome =
  | { status: 'sent'; result?: Record<string, unknown> }
  | { status: 'retry'; error: string; retryAfterMs?: number }
  | { status: 'failed'; error: string };

/** One per channel, provided by its adapter. */
export interface Sender {
  send(item: OutboxItem): Promise<SendOutcome>;
}

/** Messages of one conversation or case thread go out in order. */
export function orderKeyOf(m: OutboundMessage): string {
  const a = m.address;
  switch (a.kind) {
    case 'line_user':
      return `line:${a.userId}`;
    case 'web_session':
      return `web:${a.sessionId}`;
    case 'slack_case_root':
    case 'slack_case_thread':
      return `slack:case:${a.caseId}`;
    case 'slack_channel':
      return `slack:channel:${a.channelId}`;
    case 'teams_member':
      return `teams:${a.memberId}`;
  }
}

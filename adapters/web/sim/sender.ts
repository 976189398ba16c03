import type { OutboxItem, Sender, SendOutcome } from '../../../src/core/outbox/types.js';
import type { PaneStore } from '../ports.js';

// Delivers outbox messages into the simulator's panes, as LINE, Slack and Teams would show
// them: owner replies in the owner's LINE-style chat, case cards and their threads in the Slack
// channel of the case's organisation, approval requests in the coordinator's Teams chat.

export function createPaneSender(panes: PaneStore): Sender {
  return {
    async send(item: OutboxItem): Promise<SendOutcome> {
      const a = item.address;
      const base = { caseId: item.caseId ?? null, author: 'bot' as const, replies: item.replies, dedupeKey: `out:${item.id}` };
      switch (a.kind) {
        case 'web_session':
          await panes.append({ ...base, pane: 'owner', conversation: a.sessionId });
          break;
        case 'slack_case_root':
          await panes.upsertRoot(a.caseId, a.channelId, item.replies);
          break;
        case 'slack_case_thread':
          await panes.append({ ...base, pane: 'slack', conversation: (await panes.rootChannel(a.caseId)) ?? '', threadOf: a.caseId });
          break;
        case 'slack_channel':
          await panes.append({ ...base, pane: 'slack', conversation: a.channelId });
          break;
        case 'teams_member':
          await panes.append({ ...base, pane: 'teams', conversation: a.memberId });
          break;
        default:
          return { status: 'failed', error: `the web console cannot show messages for ${a.kind}` };
      }
      return { status: 'sent', result: { via: 'web' } };
    },
  };
}

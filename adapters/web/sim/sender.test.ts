import { describe, expect, it } from 'vitest';
import type { Address, OutboxItem } from '../../../src/core/outbox/types.js';
import { text, type Reply } from '../../../src/core/replies.js';
import type { NewPaneMessage, PaneStore } from '../ports.js';
import { createPaneSender } from './sender.js';

// Where the web sender puts each kind of outbox address, with an in-memory pane store.

function memoryPanes() {
  const appended: NewPaneMessage[] = [];
  const roots = new Map<string, { channel: string; replies: Reply[] }>();
  const store: PaneStore = {
    async append(m) {
      if (m.dedupeKey && appended.some((a) => a.dedupeKey === m.dedupeKey)) return false;
      appended.push(m);
      return true;
    },
    async upsertRoot(caseId, channelId, replies) {
      roots.set(caseId, { channel: roots.get(caseId)?.channel ?? channelId, replies });
    },
    rootChannel: async (caseId) => roots.get(caseId)?.channel ?? null,
    replaceReplies: async () => undefined,
    find: async () => null,
    latestRev: async () => '0',
    list: async () => [],
  };
  return { store, appended, roots };
}

let n = 0;
const item = (address: Address, replies: Reply[] = [text('こんにちは')]): OutboxItem =>
  ({ id: `o${++n}`, channel: 'x', address, replies, caseId: 'C-1', attempts: 1, createdAt: new Date() });

describe('the web console sender', () => {
  it('puts each address in its pane', async () => {
    const { store, appended, roots } = memoryPanes();
    const send = createPaneSender(store).send;
    await send(item({ kind: 'web_session', sessionId: 'owner-1' }));
    await send(item({ kind: 'slack_case_root', caseId: 'C-1', channelId: 'C-SIM' }, [text('v1')]));
    await send(item({ kind: 'slack_case_root', caseId: 'C-1', channelId: 'C-OTHER' }, [text('v2')]));
    await send(item({ kind: 'slack_case_thread', caseId: 'C-1' }));
    await send(item({ kind: 'slack_channel', channelId: 'C-BANK' }));
    await send(item({ kind: 'teams_member', memberId: 'm-taka', caseId: 'C-1' }));
    expect(appended.map((m) => [m.pane, m.conversation, m.threadOf ?? null])).toEqual([
      ['owner', 'owner-1', null], ['slack', 'C-SIM', 'C-1'], ['slack', 'C-BANK', null], ['teams', 'm-taka', null],
    ]);
    expect(roots.get('C-1')).toEqual({ channel: 'C-SIM', replies: [text('v2')] });
  });

  it('shows a redelivered outbox item once', async () => {
    const { store, appended } = memoryPanes();
    const once = item({ kind: 'web_session', sessionId: 'owner-2' });
    expect(await createPaneSender(store).send(once)).toMatchObject({ status: 'sent' });
    expect(await createPaneSender(store).send(once)).toMatchObject({ status: 'sent' });
    expect(appended).toHaveLength(1);
  });

  it('declines LINE addresses', async () => {
    const { store } = memoryPanes();
    expect(await createPaneSender(store).send(item({ kind: 'line_user', userId: 'U1' }))).toMatchObject({ status: 'failed' });
  });
});

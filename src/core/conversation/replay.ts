import { randomUUID } from 'node:crypto';
import type { Reply } from '../replies.js';
import type { OwnerConversation } from './owner-conversation.js';
import type { CaseStore, StoredCase } from './ports.js';

export interface ReplayStep {
  said: string;
  replies: Reply[];
}

export class ReplayError extends Error {
  override name = 'ReplayError';
}

/**
 * Plays an owner's side of an intake as a brand-new owner, one message at a time through the
 * same path as a messenger, and returns the resulting case.
 */
export async function replayTranscript(
  owners: OwnerConversation, store: CaseStore, messages: string[], onStep?: (step: ReplayStep) => void,
): Promise<StoredCase> {
  const run = randomUUID();
  let caseId: string | null = null;
  for (const [i, said] of messages.entries()) {
    const result = await owners.handle({
      channel: 'replay', eventId: `${run}:${i}`, sender: { externalId: `replay:${run}` },
      kind: 'text', text: said, receivedAt: new Date(),
    });
    if (result.status === 'failed') throw new ReplayError(`${i + 1} 件目のメッセージを処理できませんでした。ログを確認してください。`);
    caseId = result.caseId ?? caseId;
    onStep?.({ said, replies: result.replies });
  }
  const stored = caseId ? await store.getCase(caseId) : null;
  if (!stored) throw new ReplayError('読み取れるメッセージがなく、案件を作成できませんでした。');
  return stored;
}

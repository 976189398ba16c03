import type { App } from '../../app.js';
import { UsageError } from '../errors.js';

/**
 * `bansou outbox status|retry`: what is waiting to be sent, and sending again what the outbox
 * gave up on (after a platform outage longer than its retries, or a fixed channel setting).
 * A running server picks revived messages up on its next poll.
 */
export async function outbox(app: App, action: string | undefined, json: boolean, out: (s: string) => void): Promise<void> {
  if (action === 'status') {
    const c = await app.outbox.counts();
    return out(json ? JSON.stringify(c) : `送信待ち ${c.pending}件・送信中 ${c.sending}件・送信済み ${c.sent}件・送信できなかったもの ${c.dead}件`);
  }
  if (action === 'retry') {
    const revived = await app.outbox.revive();
    return out(revived ? `送信できなかった ${revived}件を、もう一度送る予定に戻しました。` : '送信できなかったメッセージはありません。');
  }
  throw new UsageError('使い方: bansou outbox status|retry');
}

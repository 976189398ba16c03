import { randomUUID } from 'node:crypto';
import type { App } from '../../app.js';
import { toCaseSheet } from '../../core/sheet.js';
import { caseSheetMarkdown } from '../../core/sheet-markdown.js';
import { InputError } from '../errors.js';
import { renderForTerminal } from '../render.js';
import { readTranscript } from '../transcript.js';

export interface ReplayOptions {
  json: boolean;
  /** Also print the bot's side of the conversation (to stderr, keeping stdout the sheet). */
  transcript: boolean;
}

/** Plays an owner's side of an intake as a new owner and prints the resulting case sheet. */
export async function replay(app: App, file: string, options: ReplayOptions, out: (s: string) => void, err: (s: string) => void): Promise<void> {
  const messages = await readTranscript(file);
  const run = randomUUID();
  let caseId: string | null = null;
  for (const [i, line] of messages.entries()) {
    const result = await app.owners.handle({
      channel: 'replay', eventId: `${run}:${i}`, sender: { externalId: `replay:${run}` },
      kind: 'text', text: line, receivedAt: new Date(),
    });
    if (result.status === 'failed') throw new InputError(`${i + 1} 行目の処理に失敗しました。ログを確認してください。`);
    caseId = result.caseId ?? caseId;
    if (options.transcript) err(`👤 ${line}\n🤖 ${renderForTerminal(result.replies).replace(/\n/g, '\n   ')}\n`);
  }
  const stored = caseId ? await app.store.getCase(caseId) : null;
  if (!stored) throw new InputError(`${file}: 読み取れるメッセージがなく、案件を作成できませんでした。`);
  const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
  out(options.json ? JSON.stringify(sheet, null, 2) : caseSheetMarkdown(sheet));
}

import type { App } from '../../app.js';
import { replayTranscript, ReplayError } from '../../core/conversation/replay.js';
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
  const show = options.transcript
    ? ({ said, replies }: { said: string; replies: Parameters<typeof renderForTerminal>[0] }) =>
        err(`👤 ${said}\n🤖 ${renderForTerminal(replies).replace(/\n/g, '\n   ')}\n`)
    : undefined;
  let stored;
  try {
    stored = await replayTranscript(app.owners, app.store, messages, show);
  } catch (error) {
    if (error instanceof ReplayError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
  const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
  out(options.json ? JSON.stringify(sheet, null, 2) : caseSheetMarkdown(sheet));
}

import type { App } from '../../app.js';
import { toCaseSheet } from '../../core/sheet.js';
import { caseSheetMarkdown } from '../../core/sheet-markdown.js';
import { InputError, UsageError } from '../errors.js';

export async function caseShow(app: App, caseId: string, format: string, out: (s: string) => void): Promise<void> {
  if (format !== 'json' && format !== 'md') throw new UsageError(`--format は json か md です（指定: ${format}）`);
  const stored = await app.store.getCase(caseId.trim().toUpperCase());
  if (!stored) throw new InputError(`案件 ${caseId} は見つかりません。`);
  const sheet = toCaseSheet(stored.id, stored.status, stored.fields, stored.dialogue.settled);
  out(format === 'json' ? JSON.stringify(sheet, null, 2) : caseSheetMarkdown(sheet));
}

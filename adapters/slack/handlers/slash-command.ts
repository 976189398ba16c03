import { respond, slackActor, type HandlerOutcome, type SlackDeps } from '../deps.js';
import type { SlashCommand } from '../payloads.js';

// `/bansou [一覧|表示 C-…|検索 語|ヘルプ]` (English words work too): the case desk, scoped to the
// member's organisation, answered only to them.

export async function onSlashCommand(d: SlackDeps, c: SlashCommand): Promise<HandlerOutcome> {
  const input = c.text.trim() || '一覧';
  const replies = await d.desk.respond(input, slackActor(c.user));
  await respond(d, c.responseUrl, replies);
  return 'processed';
}

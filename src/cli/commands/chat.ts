import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import type { App } from '../../app.js';
import { createCaseDesk } from '../../core/members/case-desk.js';
import type { Reply } from '../../core/replies.js';
import { UsageError } from '../errors.js';
import { renderForTerminal, resolveChoice } from '../render.js';

export type ChatRole = 'owner' | 'advisor' | 'coordinator';

const EXIT_WORDS = ['終了', 'exit', 'quit', '/exit', '/quit'];

/** An interactive terminal conversation on the same engine and database as the messengers. */
export async function chat(app: App, role: string, user: string | undefined, input: NodeJS.ReadableStream, out: (s: string) => void): Promise<void> {
  if (role !== 'owner' && role !== 'advisor' && role !== 'coordinator') {
    throw new UsageError(`--as は owner / advisor / coordinator のいずれかです（指定: ${role}）`);
  }
  const externalId = user ?? `cli:${userInfo().username}`;
  const desk = createCaseDesk({ store: app.store, workflowStore: app.workflowStore, content: app.engine.content, shortlists: app.shortlists });
  const rl = createInterface({ input, terminal: false });
  out(role === 'owner'
    ? '伴走（ばんそう）との会話を始めます。ご相談の内容を入力してください（終わるときは「終了」）。\n'
    : `${role === 'advisor' ? '支援者' : 'コーディネーター'}として接続しました。「一覧」「表示 C-XXXXXXXX」「検索 キーワード」「候補 C-XXXXXXXX」「ヘルプ」が使えます。「終了」で終わります。\n`);
  let last: Reply[] = [];
  for await (const raw of rl) {
    const line = raw.trim();
    if (EXIT_WORDS.includes(line)) break;
    if (!line) continue;
    if (role === 'owner') {
      const result = await app.owners.handle({
        channel: 'cli', eventId: randomUUID(), sender: { externalId }, kind: 'text',
        text: resolveChoice(line, last), receivedAt: new Date(),
      });
      last = result.replies;
    } else {
      last = await desk.respond(line);
    }
    out(`${renderForTerminal(last)}\n`);
  }
  rl.close();
}

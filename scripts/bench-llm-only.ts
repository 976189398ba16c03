// `node dist/scripts/bench-llm-only.js`: only the LLM layer's section of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openDatabase } from '../src/db/connect.js';
import { migrate } from '../src/db/migrate.js';
import { benchLlm } from './bench-llm.js';
import { CONVERSATION, stats } from './bench-common.js';

const log = pino({ level: 'silent' });
benchLlm([{
  label: 'PGlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'bansou-bench-llm-'));
    const db = await openDatabase({ dataDir: join(dir, 'pglite'), log });
    await migrate(db.pool, undefined, log);
    return { db, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
}], CONVERSATION, log, stats).catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});

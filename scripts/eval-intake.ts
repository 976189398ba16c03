// `npm run eval:intake [-- --dir DIR] [--json]`: plays every transcript in DIR (default
// test/fixtures/transcripts) through the owner conversation with the configured LLM_PROVIDER,
// on a fresh in-memory embedded database, and prints per-field accuracy against each
// transcript's .expected.json. Run it with different LLM settings to compare them.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/config/logger.js';
import { routeWarnings } from '../src/config/warnings.js';
import { repoRoot } from '../src/core/repo-root.js';
import { MEMORY_DATA_DIR } from '../src/db/embedded.js';
import { loadTranscriptFixtures } from '../src/eval/expectations.js';
import { evaluateIntake, formatReport } from '../src/eval/intake-eval.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const dir = resolve(values.dir ?? resolve(repoRoot(), 'test/fixtures/transcripts'));
  const fixtures = loadTranscriptFixtures(dir);
  // Never the configured database: evaluation cases are thrown away with the process.
  const config = { ...loadConfig(process.env), databaseUrl: undefined };
  const log = createLogger(config.logLevel ?? 'error');
  routeWarnings(log);
  const app = await openApp(config, log, { embeddedDir: MEMORY_DATA_DIR });
  try {
    const report = await evaluateIntake({ owners: app.owners, store: app.store, provider: config.llm.provider }, fixtures, (t) => {
      if (!values.json) process.stderr.write(`${t.name}: ${t.results.filter((r) => r.ok).length}/${t.results.length}\n`);
    });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, dir));
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`eval:intake: ${err instanceof ConfigError ? err.message : String((err as Error).stack ?? err)}\n`);
  process.exit(1);
});

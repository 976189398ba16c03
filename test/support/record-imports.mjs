// Loaded with `node --import` by test/e2e/llm-cli.test.ts: records every module specifier
// the process resolves (static, dynamic and require) and writes them to BANSOU_IMPORT_LOG
// when the process exits, so a test can tell which packages a command really loaded.
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const seen = new Set();
registerHooks({
  resolve(specifier, context, next) {
    seen.add(specifier);
    return next(specifier, context);
  },
});
process.on('exit', () => writeFileSync(process.env.BANSOU_IMPORT_LOG, [...seen].join('\n')));

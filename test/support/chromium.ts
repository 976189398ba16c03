import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ROOT } from './cli.js';
import { testDatabaseKind } from './db.js';

// Debian's Chromium, driven by playwright-core (its own browser download does not work on
// these machines). scripts/browser-deps.sh installs it; without it the browser tests skip,
// except under CI=true, where a missing browser is a failure.

export const CHROMIUM = process.env.BANSOU_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const chromiumRequired = process.env.CI === 'true';

/** Without the background-networking flags Chromium keeps dialling Google on a closed network. */
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh, throw-away profile (--user-data-dir). */
export async function launchChromium(viewport = { width: 1440, height: 900 }): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'bansou-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where the browser tests keep their screenshots: test/artifacts/browser/<database>/ (gitignored). */
export function artifactsDir(): string {
  const dir = join(ROOT, 'test', 'artifacts', 'browser', testDatabaseKind());
  mkdirSync(dir, { recursive: true });
  return dir;
}

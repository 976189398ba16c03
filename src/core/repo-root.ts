import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The project's root (the folder holding package.json). Code runs from `src/` under vitest
 * and from `dist/src/` when built, so data folders are found by walking up, not by a
 * fixed relative path.
 */
export function repoRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bansou: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  cached = dir;
  return dir;
}

export const promptsDir = (): string => join(repoRoot(), 'prompts');

export const migrationsDir = (): string => join(repoRoot(), 'prisma', 'migrations');

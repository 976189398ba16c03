import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'adapters/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000, // beforeAll often starts a database
    // Child processes rather than worker threads: PGlite's WASM heap and pg sockets are
    // simpler to reason about, and a crashed test file cannot take the others with it.
    pool: 'forks',
  },
});

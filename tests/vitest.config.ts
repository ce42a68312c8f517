import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(__dirname, '..');

export default defineConfig({
  root,
  resolve: {
    alias: {
      '@': root,
      // `server-only` throws outside React Server Components; unit tests run lib code in plain Node.
      'server-only': path.join(root, 'tests/unit/support/empty-module.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

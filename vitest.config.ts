import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'popup/**/*.test.ts', 'options/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/servers/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15000,
  },
});

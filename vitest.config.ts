import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,main,preload,renderer,services,scripts,build,eslint-rules}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests start real brokers on ports chosen by the OS; keep files in separate processes.
    pool: 'forks',
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { FlakyTestsReporter } from './scripts/flakyTests.js';

// Tests that talk to a real server or browser get one retry; every retried test is named at the end
// of the run with its first error (docs/decisions/0037). Unit tests get none: they must be exact.
const RETRY_REAL_PARTS = 1;

// One config for the client build and for every test project (unit, client, integration, e2e).
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react()],
  // In development the API and the sync socket live in the Node server; the browser talks to one origin.
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'http://localhost:8080', ws: true },
    },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    root: '.',
    reporters: ['default', new FlakyTestsReporter()],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          root: '.',
          include: ['client/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['client/test/setup.ts'],
          // Some render whole consoles or talk to a real server; a busy machine makes them slow
          // (a whole console took over 15 s to render at load average 16 on two cores).
          testTimeout: 30_000,
          retry: RETRY_REAL_PARTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['server/**/*.integration.test.ts'],
          environment: 'node',
          setupFiles: ['server/test/cleanup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          retry: RETRY_REAL_PARTS,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          setupFiles: ['server/test/cleanup.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          retry: RETRY_REAL_PARTS,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Two tiers: Node tests (unit and integration, next to their code and in tests/) and component
// tests of the renderer's screens (*.test.tsx) in a DOM environment (jsdom + Testing Library).
// No test may reach this machine's real printers: lp and lpstat ask a spooler that does not exist,
// unless a test starts its own (tests/support/cups-server.ts) and passes its address explicitly.
const shared = {
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 30_000,
  env: { CUPS_SERVER: '/nonexistent/bhxh-kiosk-tests-never-print.sock' },
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: [
            'main/**/*.test.ts',
            'central/**/*.test.ts',
            'preload/**/*.test.ts',
            'renderer/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
            'tests/fixtures/**/*.test.ts',
            'tests/bench/**/*.test.ts',
            'eslint/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          ...shared,
          name: 'screens',
          include: ['renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/support/screen-test-setup.ts'],
        },
      },
    ],
  },
});

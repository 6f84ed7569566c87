import { defineConfig } from 'vitest/config';

// Two tiers: Node tests (unit and integration, next to their code and in tests/) and component
// tests of the renderer's screens (*.test.tsx) in a DOM environment (jsdom + Testing Library).
const shared = { pool: 'forks', testTimeout: 30_000, hookTimeout: 30_000 } as const;

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

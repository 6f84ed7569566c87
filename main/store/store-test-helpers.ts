// Test helpers for the store's tests (not used by the app). Each test gets its own temp folder,
// removed afterwards, so no test can touch real data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Registration } from '../core/registration/registration.ts';
import { openStore, type OpenStoreOptions } from './open-store.ts';
import type { Store } from './store.ts';
import { documentedRegistration } from '../../tests/fixtures/documented-registration.ts';

export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advanceDays(days: number): void;
}

export function testClock(start = '2026-11-20T02:00:00.000Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(iso) {
      current = new Date(iso);
    },
    advanceDays(days) {
      current = new Date(current.getTime() + days * 86_400_000);
    },
  };
}

export interface TempDir {
  dir: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhxh-store-test-'));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Opens a store that must open; throws the StoreError otherwise. */
export function openTestStore(file: string, options: OpenStoreOptions = {}): Store {
  const result = openStore(file, options);
  if (!result.ok) throw result.error;
  return result.value;
}

export function makeRegistration(overrides: Partial<Registration> = {}): Registration {
  return { ...documentedRegistration, ...overrides };
}

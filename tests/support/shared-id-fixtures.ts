import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The shared test vectors, read in place from ../shared/fixtures/id-payloads.json (outside this
// repository) and never copied, so that a change to them reaches every test at once.

export interface IdFixture {
  name: string;
  payload: string;
  expect: {
    ok: boolean;
    kind?: string;
    format?: string;
    fields?: Record<string, unknown>;
    warnings?: string[];
  };
}

const fixtureFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'id-payloads.json',
);

let cached: IdFixture[] | null = null;

export function sharedIdFixtures(): IdFixture[] {
  cached ??= (JSON.parse(readFileSync(fixtureFile, 'utf8')) as { cases: IdFixture[] }).cases;
  return cached;
}

export function idFixture(name: string): IdFixture {
  const found = sharedIdFixtures().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture named ${name} in ${fixtureFile}`);
  return found;
}

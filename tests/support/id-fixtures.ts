import { readFileSync } from 'node:fs';
import path from 'node:path';

// The ID-card test vectors. tests/fixtures/id-payloads.json is a copy of the shared set
// (../shared/fixtures/id-payloads.json) kept inside the repository, so that a clone alone passes
// `npm test`; tests/fixtures/shared-copies.test.ts fails when the two drift apart.

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

// import.meta.dirname rather than a file: URL: the component tests (jsdom) see other URLs.
export const idFixtureFile = path.join(import.meta.dirname, '..', 'fixtures', 'id-payloads.json');

let cached: IdFixture[] | null = null;

export function idFixtures(): IdFixture[] {
  cached ??= (JSON.parse(readFileSync(idFixtureFile, 'utf8')) as { cases: IdFixture[] }).cases;
  return cached;
}

export function idFixture(name: string): IdFixture {
  const found = idFixtures().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture named ${name} in ${idFixtureFile}`);
  return found;
}

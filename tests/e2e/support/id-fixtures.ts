import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The shared test vectors, read in place (never copied): ../shared/fixtures/id-payloads.json.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

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

export function idFixture(name: string): IdFixture {
  const file = path.join(root, '..', 'shared', 'fixtures', 'id-payloads.json');
  const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: IdFixture[] }).cases;
  const found = cases.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture named ${name} in ${file}`);
  return found;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIdPayload } from '../../main/core/id-card/parse-id-payload.ts';
import { idParseResultSchema } from './id-card-schema.ts';

// The parser's output is what crosses the API: every shared fixture's result, and the result of any
// garbage, must match the contract's schema exactly (no extra or missing fields).
const fixtureFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/fixtures/id-payloads.json',
);
const cases = (
  JSON.parse(readFileSync(fixtureFile, 'utf8')) as { cases: { name: string; payload: string }[] }
).cases;
const strict = idParseResultSchema;

describe('id.parse result schema', () => {
  it.each(cases.map((fixture) => [fixture.name, fixture.payload]))('%s conforms', (_name, payload) => {
    const result = parseIdPayload(payload, { today: '2026-11-21' });
    expect(strict.parse(result)).toEqual(result);
  });

  it('any string conforms', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (payload) => {
        strict.parse(parseIdPayload(payload, { today: '2026-11-21' }));
      }),
    );
  });
});

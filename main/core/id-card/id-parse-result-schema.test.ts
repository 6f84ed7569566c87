import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { IdParseResult } from './id-card-types.ts';
import { idParseResultSchema } from './id-parse-result-schema.ts';
import { parseIdPayload } from './parse-id-payload.ts';

// Compile-time: the schema and the TypeScript types describe the same shape, both ways.
type FromSchema = z.infer<typeof idParseResultSchema>;
const _typesFromSchema = (value: FromSchema): IdParseResult => value;
const _schemaFromTypes = (value: IdParseResult): FromSchema => value;

describe('parse result schema', () => {
  it('accepts real results of every kind, after a trip through JSON', () => {
    for (const payload of [
      '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Tiền Giang|12062021',
      '075319317209||Lý Thị Yến|28112019|Nữ|Hà Nội|25072024||Lý Quang Dũng|Phan Thị Nhung|',
      '2002965140|54e1baa1204b696d2048e1bb936e67|1964|2|-|33 - 065|01/10/2023|-|14/10/2023|33232002965140|-|5| 01/02/2016|2ca5e5865f590f09-7102|4|-|$',
      'not a card',
    ]) {
      const result = JSON.parse(JSON.stringify(parseIdPayload(payload))) as unknown;
      expect(idParseResultSchema.parse(result)).toEqual(result);
    }
  });

  it('refuses results with unknown codes', () => {
    expect(
      idParseResultSchema.safeParse({ ok: false, error: { code: 'whatever', message: '' } }).success,
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { detectPayloadKind } from './detect-payload-kind.ts';
import { PayloadFields } from './payload-fields.ts';

const kindOf = (payload: string) => detectPayloadKind(new PayloadFields().load(payload, 0, payload.length));

const cccd = '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Tiền Giang|12062021';
const bhyt =
  '2002965140|54e1baa1204b696d2048e1bb936e67|18/11/1964|2|-|33 - 065|01/10/2023|-|14/10/2023|33232002965140|-|4| 01/02/2016|2ca5e5865f590f09-7102|4|-|$';

describe('payload kind detection', () => {
  it('recognises both card families', () => {
    expect(kindOf(cccd)).toBe('cccd');
    expect(kindOf(`${cccd}||||`)).toBe('cccd');
    expect(kindOf(bhyt)).toBe('bhyt');
    expect(kindOf(bhyt.slice(0, -2))).toBe('bhyt'); // no terminator
    expect(kindOf(bhyt.replace('|$', '|#'))).toBe('bhyt');
  });

  it('recognises a card whose field count is wrong, so the error can say so', () => {
    expect(kindOf('001099012345||Nguyễn Văn A|01011999|Nam')).toBe('cccd');
    expect(kindOf(`${cccd}|$`)).toBe('cccd');
    expect(kindOf('2002965140|54e1|18/11/1964|2|-|$')).toBe('bhyt');
  });

  it('never decides on one character or one trait', () => {
    for (const payload of [
      'https://vssid.vn/install',
      "'; DROP TABLE registrations; --",
      '||||||',
      'a|b|c|d|e|f|g',
      'hello|world|$',
      '123456789012',
      'Nam',
      '$',
    ]) {
      expect(kindOf(payload), payload).toBeNull();
    }
  });
});

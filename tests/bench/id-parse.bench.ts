// Throughput of `parseIdPayload` on a mix of the payloads a counter sees (CCCD, Căn cước, BHYT
// old/new/short, and some that are not cards), next to a naive `split('|')` measured in the same
// rounds: the machine is shared, so the ratio means more than the absolute number.
import { parseIdPayload } from '../../main/core/id-card/parse-id-payload.ts';
import type { Benchmark, BenchResult } from './bench-result.ts';
import { median, result } from './bench-result.ts';

const cccd = [
  '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Ấp Bình Thạnh, Xã Tân Phú, Huyện Châu Thành, Tiền Giang|12062021',
  '087151646590||Võ Thu Ngọc|07041951|Nữ|Khu phố 4, Phường Tân Hiệp, Biên Hòa, Đồng Nai|12072021',
  '077094540543|212252479|VÕ HỮU NHÂN|03091994|NAM|KHU PHỐ 4, PHƯỜNG TÂN HIỆP, BIÊN HÒA, ĐỒNG NAI|18082021\r\n',
  '094169322200|300942406|Nguyễn Thanh Yến|06021969|Nữ|Bản Nà Phát, Phúc Khánh, Bảo Yên, Lào Cai|16122024||||',
  '075319317209||Lý Thị Yến|28112019|Nữ|Tổ 12, Phường Láng Hạ, Quận Đống Đa, Hà Nội|25072024||Lý Quang Dũng|Phan Thị Nhung|',
];
const bhyt = [
  '2002965140|54e1baa1204b696d2048e1bb936e67|18/11/1964|2|-|33 - 065|01/10/2023|-|14/10/2023|33232002965140|-|4| 01/02/2016|2ca5e5865f590f09-7102|4|5175e1baad6e2031322c205468c3a06e68207068e1bb912048e1bb93204368c3ad204d696e68|$',
  'SV4649683309581|c490696e68205875c3a26e204ce1bb9963|01/02/1959|1|53e1bb9120343520c491c6b0e1bb9d6e67204cc3aa204ce1bba3692c205068c6b0e1bb9d6e672042e1babf6e205468c3a06e682c205175e1baad6e20312c2048e1bb93204368c3ad204d696e68|64 - 001|01/07/2021|-|28/07/2021|64149683309581|-|4| 01/04/2017|d68bc6b71a34a6-1202|$',
  'HT3102200286242|4e67c3b4205468c3a06e682056c4a96e68|04/10/1984|1|58c3b36d20332c2058c3a3204e6768692050686f6e672c20487579e1bb876e204e676869204ce1bb99632c204e6768e1bb8720416e|10 - C54|01/09/2021|-|11/09/2021|$',
];
const notCards = ['https://vssid.vn/install', '001099012345||Nguyễn Văn A|31021999|Nam|Hà Nội|10072021'];

// Scanners deliver fresh strings; literals are interned, and V8 caches `split` on interned
// strings, which would flatter the baseline. Round-trip through UTF-8 to get fresh ones.
const fresh = (payloads: string[]) =>
  payloads.map((payload) => new TextDecoder().decode(new TextEncoder().encode(payload)));

const sets: { name: string; payloads: string[]; target: string | null }[] = [
  { name: 'id parse, mixed payloads', payloads: fresh([...cccd, ...bhyt, ...notCards]), target: '>= 200000' },
  { name: 'id parse, CCCD/Căn cước only', payloads: fresh(cccd), target: null },
  { name: 'id parse, BHYT only', payloads: fresh(bhyt), target: null },
];

const parsesPerRound = 100_000;
const rounds = 7;
const today = { today: '2026-01-15' };
let sink = 0;

function naiveSplit(payload: string): number {
  const fields = payload.split('|');
  return fields.length + (fields[2]?.length ?? 0);
}

function parse(payload: string): number {
  return parseIdPayload(payload, today).ok ? 1 : 0;
}

function perSecond(payloads: string[], work: (payload: string) => number): number {
  const started = performance.now();
  for (let index = 0; index < parsesPerRound; index += 1) {
    sink += work(payloads[index % payloads.length] as string);
  }
  return (parsesPerRound / (performance.now() - started)) * 1000;
}

const benchmark: Benchmark = {
  title: 'ID-card QR parse throughput',
  run: async () => {
    const results: BenchResult[] = [];
    for (const set of sets) {
      perSecond(set.payloads, parse); // warm-up: let the JIT settle before measuring
      perSecond(set.payloads, naiveSplit);
      const parsed: number[] = [];
      const baseline: number[] = [];
      // Interleaved, so that both see the same load on a shared machine.
      for (let round = 0; round < rounds; round += 1) {
        parsed.push(perSecond(set.payloads, parse));
        baseline.push(perSecond(set.payloads, naiveSplit));
      }
      results.push(
        result({
          name: set.name,
          unit: 'parses/s',
          value: median(parsed),
          baseline: median(baseline),
          baselineName: "naive split('|')",
          target: set.target,
        }),
      );
    }
    if (sink < 0) console.error(sink); // keeps the work observable
    return results;
  },
};

export default benchmark;

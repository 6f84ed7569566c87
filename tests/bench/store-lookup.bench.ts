// Lookups in a local store of 1,000,000 registrations (issue #4): by ID number, social-insurance
// number, registration code and name prefix, each timed beside a baseline measured in the same run
// and the same loop: a read by SQLite rowid, the cheapest indexed read there is. Target: p99 <= 1 ms.
// The store is built in a temp file from synthetic rows (one transaction, one prepared statement),
// reopened through openStore (so the open, with its quick_check, is measured too) and deleted.
// BENCH_STORE_ROWS overrides the size for a quick try.
//
// The counter home's list (`registrations.list`: a page of 20 and the total of all matches) is
// timed the same way, beside a baseline in the same loop: `findByIdNumber`, the single lookup the
// counter does on every card scan. Target: the default page (pending, newest first) <= 20 ms p95.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { nameSearchKey } from '../../main/core/text/vietnamese-text.ts';
import { listRegistrations, type ListFilter } from '../../main/store/list-registrations.ts';
import { openStore } from '../../main/store/open-store.ts';
import {
  findByCode,
  findByIdNumber,
  findBySocialInsuranceNumber,
  searchByName,
} from '../../main/store/registrations-repository.ts';
import type { Store } from '../../main/store/store.ts';
import { percentile, result, type Benchmark, type BenchResult, loadAverageResult } from './bench-result.ts';

const rowCount = Number(process.env.BENCH_STORE_ROWS ?? 1_000_000);
const lookups = 20_000;
const warmUp = 2_000;
const listPages = Number(process.env.BENCH_LIST_PAGES ?? 1_000);
const listWarmUp = 50;
const channels = ['portal', 'app', 'kiosk'] as const;
/** Submissions spread over the year before the run's fixed date, one every ~31 s on average. */
const submittedFrom = Date.parse('2025-11-20T00:00:00Z');
const submittedSpanMs = 365 * 24 * 60 * 60 * 1000;

// Deterministic pseudo-random numbers (mulberry32), so every run builds the same store.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const families = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const middles = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Quang',
  'Thanh',
  'Ngọc',
  'Xuân',
  'Thu',
  'Kim',
  'Hoài',
  'Gia',
  'Bảo',
];
const givens = [
  'Hùng',
  'Hưng',
  'Hà',
  'Hải',
  'Hoa',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vĩnh',
  'Yến',
  'Anh',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Khánh',
  'Nga',
  'Oanh',
  'Phương',
  'Thắng',
  'Uyên',
];
const pick = <T>(list: readonly T[], next: () => number): T => list[Math.floor(next() * list.length)] as T;
const pad = (value: number, width: number) => String(value).padStart(width, '0');

interface Keys {
  code: string;
  idNumber: string;
  socialInsuranceNumber: string;
  namePrefix: string;
}

/** Keys of row i, derived by bijections so they are unique and not in insertion order. */
function keysOf(i: number, fullName: string): Keys {
  const serial = (i * 7919 + 12345) % 1_000_000;
  const words = nameSearchKey(fullName).split(' ');
  return {
    code: `DK-07921-2026-${pad(i, 7)}`,
    idNumber: `0790${pad(80 + (i % 20), 2)}${pad(serial, 6)}`,
    socialInsuranceNumber: `79${pad((i * 104_729 + 7) % 100_000_000, 8)}`,
    namePrefix: `${words[0]} ${words[1]} ${(words[2] ?? '').slice(0, 1)}`,
  };
}

/**
 * Fills `store` with `rows` synthetic registrations of office 07921 (codes DK-07921-2026-NNNNNNN,
 * 80 % approved); the scan-to-screen benchmark builds its million-row counter store with it too.
 */
export function buildSyntheticRegistrations(
  store: Store,
  rows = rowCount,
): { names: string[]; seconds: number } {
  const next = random(42);
  const names: string[] = [];
  const insert = store.db.prepare(
    `INSERT INTO registrations (code, json, id_number, old_id_number, social_insurance_number, phone,
       name_search_key, channel, submitted_at, has_guardian, office_code, status, server_seq, local_state, updated_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, '07921', ?, ?, 'synced', '2026-11-20T00:00:00.000Z')`,
  );
  store.db.pragma('cache_size = -262144'); // 256 MiB while building; the reopened store has the default
  // The secondary indexes are dropped and re-created (from their own DDL, so the schema stays the
  // migration's) in the same transaction: sorting once is far cheaper than 1M random index inserts.
  const indexes = store.db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'registrations' AND sql IS NOT NULL`,
    )
    .all() as Array<{ name: string; sql: string }>;
  const started = performance.now();
  store.db.transaction(() => {
    for (const index of indexes) store.db.exec(`DROP INDEX ${index.name}`);
    for (let i = 0; i < rows; i += 1) {
      const fullName = `${pick(families, next)} ${pick(middles, next)} ${pick(givens, next)}`;
      names.push(fullName);
      const keys = keysOf(i, fullName);
      const phone = `09${pad(Math.floor(next() * 100_000_000), 8)}`;
      const status = next() < 0.8 ? 'approved' : 'pending';
      // Mostly portal and app, some kiosk; one in ten registered by a guardian (a child).
      const channelDraw = next();
      const channel = channels[channelDraw < 0.5 ? 0 : channelDraw < 0.85 ? 1 : 2] as string;
      const guardian =
        next() < 0.1 ? { fullName: 'Trần Thị Mai', idNumber: '079180001234', relationship: 'mẹ' } : null;
      const submittedAt = new Date(submittedFrom + Math.floor(next() * submittedSpanMs)).toISOString();
      const registration = {
        code: keys.code,
        socialInsuranceNumber: keys.socialInsuranceNumber,
        fullName,
        dateOfBirth: `19${pad(50 + (i % 50), 2)}-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`,
        sex: i % 2 === 0 ? 'male' : 'female',
        idDocument: {
          type: 'cccd',
          number: keys.idNumber,
          issueDate: '2021-08-09',
          issuePlace: 'Cục Cảnh sát QLHC về TTXH',
        },
        address: `Số ${i % 300} đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh`,
        phone,
        email: null,
        officeCode: '07921',
        channel,
        submittedAt,
        guardian,
        status,
        decision:
          status === 'approved'
            ? {
                outcome: 'approved',
                reasonCode: null,
                note: null,
                officerId: 'cb01',
                counterId: 'q1',
                decidedAt: '2026-11-21T02:00:00Z',
                override: false,
              }
            : null,
      };
      insert.run(
        keys.code,
        JSON.stringify(registration),
        keys.idNumber,
        keys.socialInsuranceNumber,
        phone,
        nameSearchKey(fullName),
        channel,
        submittedAt,
        guardian === null ? 0 : 1,
        status,
        i + 1,
      );
    }
    for (const index of indexes) store.db.exec(index.sql);
  })();
  return { names, seconds: (performance.now() - started) / 1000 };
}

/** Times `operation` and the rowid baseline alternately on the same random rows. */
function measure(store: Store, names: string[], operation: (keys: Keys) => unknown) {
  const baseline = store.db.prepare('SELECT json FROM registrations WHERE rowid = ?').pluck();
  const next = random(7);
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  for (let n = 0; n < warmUp + lookups; n += 1) {
    const i = Math.floor(next() * rowCount);
    const keys = keysOf(i, names[i] as string);
    let started = performance.now();
    const raw = baseline.get(i + 1);
    const baselineTime = performance.now() - started;
    started = performance.now();
    const found = operation(keys);
    const time = performance.now() - started;
    if (raw === undefined || found === null || (Array.isArray(found) && found.length === 0)) {
      throw new Error(`row ${i} not found`);
    }
    if (n >= warmUp) {
      samples.push(time);
      baselineSamples.push(baselineTime);
    }
  }
  return { samples, baselineSamples };
}

/** Times list pages (`filterOf(n)` for the n-th) alternately with `findByIdNumber` on random rows. */
function measureList(store: Store, names: string[], filterOf: (n: number) => ListFilter) {
  const next = random(11);
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  for (let n = 0; n < listWarmUp + listPages; n += 1) {
    const i = Math.floor(next() * rowCount);
    const keys = keysOf(i, names[i] as string);
    let started = performance.now();
    const found = findByIdNumber(store, keys.idNumber);
    const baselineTime = performance.now() - started;
    const filter = filterOf(n);
    started = performance.now();
    const page = listRegistrations(store, filter);
    const time = performance.now() - started;
    if (found.length === 0 || (filter.offset === 0 && page.total > 0 && page.rows.length === 0)) {
      throw new Error(`list page ${n} or row ${i} not found`);
    }
    if (n >= listWarmUp) {
      samples.push(time);
      baselineSamples.push(baselineTime);
    }
  }
  return { samples, baselineSamples };
}

const listDefaults: ListFilter = {
  match: null,
  status: 'pending',
  channel: null,
  hasGuardian: null,
  offset: 0,
  limit: 20,
};

/** Pages the officer asks for, each timed with its total. */
function listCases(names: string[]): Array<[string, (n: number) => ListFilter, string | null]> {
  return [
    ['registrations.list default page (pending, page 0)', () => listDefaults, '<= 20'],
    [
      'registrations.list filtered (pending, a channel, child/adult, pages 0-4)',
      (n) => ({
        ...listDefaults,
        channel: channels[n % 3] as ListFilter['channel'],
        hasGuardian: n % 2 === 0,
        offset: (n % 5) * 20,
      }),
      null,
    ],
    [
      'registrations.list name "family middle g" (pending)',
      (n) => {
        const i = (n * 7919) % rowCount;
        return {
          ...listDefaults,
          match: { by: 'name', name: keysOf(i, names[i] as string).namePrefix },
        };
      },
      null,
    ],
    [
      'registrations.list every status, kiosk, page 0',
      () => ({ ...listDefaults, status: null, channel: 'kiosk' }),
      null,
    ],
  ];
}

const benchmark: Benchmark = {
  title: `local store lookups in ${rowCount.toLocaleString('en-US')} registrations`,
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhxh-store-bench-'));
    const file = path.join(dir, 'store.sqlite');
    try {
      const created = openStore(file);
      if (!created.ok) throw created.error;
      const { names, seconds } = buildSyntheticRegistrations(created.value);
      created.value.close();

      const openStarted = performance.now();
      const opened = openStore(file);
      const openMs = performance.now() - openStarted;
      if (!opened.ok) throw opened.error;
      const store = opened.value;
      const results: BenchResult[] = [
        result({
          name: 'store build (one transaction)',
          unit: 'rows/s',
          value: rowCount / seconds,
          target: null,
        }),
        result({ name: 'store open incl. quick_check', unit: 'ms', value: openMs, target: null }),
        result({ name: 'store file size', unit: 'MB', value: fs.statSync(file).size / 1e6, target: null }),
      ];
      const operations: Array<[string, (keys: Keys) => unknown]> = [
        ['findByIdNumber', (keys) => findByIdNumber(store, keys.idNumber)],
        [
          'findBySocialInsuranceNumber',
          (keys) => findBySocialInsuranceNumber(store, keys.socialInsuranceNumber),
        ],
        ['findByCode', (keys) => findByCode(store, keys.code)],
        ['searchByName (prefix, 20 rows)', (keys) => searchByName(store, keys.namePrefix, 20)],
      ];
      for (const [name, operation] of operations) {
        const { samples, baselineSamples } = measure(store, names, operation);
        for (const p of [50, 99]) {
          results.push(
            result({
              name: `${name} p${p}`,
              unit: 'ms',
              value: percentile(samples, p),
              baseline: percentile(baselineSamples, p),
              baselineName: 'SELECT json … WHERE rowid = ?',
              target: p === 99 ? '<= 1' : null,
            }),
          );
        }
      }
      for (const [name, filterOf, target] of listCases(names)) {
        const { samples, baselineSamples } = measureList(store, names, filterOf);
        for (const p of [50, 95]) {
          results.push(
            result({
              name: `${name} p${p}`,
              unit: 'ms',
              value: percentile(samples, p),
              baseline: percentile(baselineSamples, p),
              baselineName: 'findByIdNumber',
              target: p === 95 ? target : null,
            }),
          );
        }
      }
      store.close();
      // Shared 2-core machine: say how busy it was, since p99 is where other processes show.
      results.push(loadAverageResult('store lookup'));
      return results;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;

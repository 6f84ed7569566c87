// Issue #4's sync throughput, end to end through the real SyncEngine, the real local store (WAL,
// synchronous=FULL) and the reference central over loopback HTTP, each beside a baseline measured in
// the same run on the same central:
//
//   (a) pull every registration of office 01001 (100,073) into an EMPTY store with one
//       SyncEngine.syncNow() (pages of 5000, the engine's default): registrations/s, target >= 10,000.
//       Baseline: the same pages fetched over HTTP and JSON.parse'd, nothing validated or stored —
//       the transport's ceiling. Repeated, a fresh store each time; medians.
//   (b) push 10,000 decisions recorded on the counter (engine batches of 200, its default):
//       decisions/s from the start of syncNow() to its first pull request (push only).
//       Baseline: the central applying the same number of decision events in-process
//       (createEventProcessor().process(), batches of 200, its own transaction and fsync per batch,
//       no HTTP, no JSON, no client bookkeeping). That baseline is the server-side ceiling of a push,
//       so the ratio says what the wire and the client's markDone cost on top; recordDecision's own
//       rate (one fsync'd transaction per decision, what an officer's click costs) is reported as a
//       separate line rather than as the baseline because it measures a different thing (local
//       writes), not a ceiling of the push. Repeated on fresh pending registrations; medians.
//
// Setup (not counted): a central seeded with 250,000 registrations in a temp file so that office
// 01001 (40 % of the seed) has more than 100,000. Seeding takes about 24 s on the 2-core development
// container; its time is reported. Set BENCH_SYNC_REPEATS to change the number of repetitions (3).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SyncEvent } from '../../central/protocol/sync-protocol.ts';
import { startCentralServer, type CentralServer } from '../../central/server/start-central-server.ts';
import type { AuthenticatedDevice } from '../../central/store/device-store.ts';
import { createEventProcessor } from '../../central/sync/process-event-batch.ts';
import { enrollDevice } from '../../central/testing/central-test-client.ts';
import type { Decision } from '../../main/core/registration/registration.ts';
import { openStore } from '../../main/store/open-store.ts';
import { recordDecision } from '../../main/store/record-decision.ts';
import type { Store } from '../../main/store/store.ts';
import { getDeviceToken } from '../../main/store/sync-state-repository.ts';
import { CentralClient } from '../../main/sync/central-client.ts';
import { SyncEngine } from '../../main/sync/sync-engine.ts';
import { median, result, type Benchmark, type BenchResult, loadAverageResult } from './bench-result.ts';

const office = '01001';
const seedCount = 250_000;
const pageSize = 5000;
const pushBatchSize = 200;
const decisionsToPush = 10_000;
const repeats = Math.max(1, Number(process.env.BENCH_SYNC_REPEATS ?? 3));
const officer = { officerId: 'cb-01001-1', counterId: 'QUAY-01' };

/** A CentralClient that notes when the engine's first pull request starts (the end of its push). */
class MarkingClient extends CentralClient {
  firstPullAt: number | null = null;
  override pull(officeCode: string, after: number, limit?: number) {
    this.firstPullAt ??= performance.now();
    return super.pull(officeCode, after, limit);
  }
}

interface Counter {
  store: Store;
  client: MarkingClient;
  engine: SyncEngine;
}

function openCounter(file: string, central: CentralServer): Counter {
  const opened = openStore(file);
  if (!opened.ok) throw opened.error;
  const store = opened.value;
  const client = new MarkingClient({
    baseUrl: central.url,
    deviceToken: () => getDeviceToken(store),
    timeoutMs: 120_000,
  });
  const engine = new SyncEngine({
    store,
    client,
    officeCode: office,
    deviceName: 'bench',
    pullPageSize: pageSize,
    pushBatchSize,
  });
  return { store, client, engine };
}

async function run(): Promise<BenchResult[]> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'bhxh-sync-bench-'));
  const progress = (line: string) => console.error(`  sync-throughput: ${line}`);
  try {
    const seedStarted = performance.now();
    const central = await startCentralServer({
      databasePath: path.join(directory, 'central.db'),
      seedCount,
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    progress(`seeded ${seedCount} in ${seedSeconds.toFixed(1)} s`);
    try {
      const officeCount = (
        central.database
          .prepare('SELECT count(*) AS n FROM registrations WHERE office_code = ?')
          .get(office) as {
          n: number;
        }
      ).n;
      if (officeCount < 100_000) throw new Error(`office ${office} has only ${officeCount} registrations`);

      // (a) Pull, alternating baseline and engine so both see the same machine load.
      const baselineToken = (await enrollDevice(central, office, 'bench baseline')).deviceToken;
      const transportRates: number[] = [];
      const engineRates: number[] = [];
      let counter: Counter | null = null;
      for (let round = 0; round < repeats; round++) {
        transportRates.push(await fetchAllPages(central.url, baselineToken, officeCount));
        if (counter) counter.store.close();
        const file = path.join(directory, `counter-${round}.db`);
        counter = openCounter(file, central);
        await counter.engine.enroll(central.createEnrollmentCode(office));
        const started = performance.now();
        const status = await counter.engine.syncNow();
        const seconds = (performance.now() - started) / 1000;
        if (status.state !== 'online' || status.pulledInRound !== officeCount) {
          throw new Error(`pull ended ${status.state} after ${status.pulledInRound} rows`);
        }
        engineRates.push(officeCount / seconds);
        progress(
          `pull ${round + 1}/${repeats}: engine ${Math.round(engineRates.at(-1) ?? 0)}/s, ` +
            `transport ${Math.round(transportRates.at(-1) ?? 0)}/s`,
        );
        if (round < repeats - 1) {
          counter.store.close();
          counter = null;
          rmSync(file, { force: true });
          rmSync(`${file}-wal`, { force: true });
          rmSync(`${file}-shm`, { force: true });
        }
      }
      if (!counter) throw new Error('no counter');

      // (b) Push, on the last pulled store (about 85,000 of its registrations are pending).
      const baselineDevice = await enrollDevice(central, office, 'bench central baseline');
      const device = central.database
        .prepare(
          `SELECT device_id AS deviceId, device_name AS deviceName, office_code AS officeCode,
             enrolled_at AS enrolledAt FROM devices WHERE device_id = ?`,
        )
        .get(baselineDevice.deviceId) as AuthenticatedDevice;
      const processor = createEventProcessor(central.database);
      const recordRates: number[] = [];
      const pushRates: number[] = [];
      const pushAndPullBackRates: number[] = [];
      const centralRates: number[] = [];
      for (let round = 0; round < repeats; round++) {
        const { store, client, engine } = counter;
        const codes = pendingCodes(store, decisionsToPush);
        let started = performance.now();
        codes.forEach((code, index) => {
          const recorded = recordDecision(store, decisionInput(code, index));
          if (!recorded.ok) throw recorded.error;
        });
        recordRates.push(decisionsToPush / ((performance.now() - started) / 1000));
        // The loop above held the event loop for seconds, past the central's 5 s keep-alive: let the
        // client notice the connection the server closed meanwhile, or the push would go out on it
        // and fail as a network error (a retry would follow; the bench measures the push, not that).
        await new Promise((resolve) => setTimeout(resolve, 200));

        client.firstPullAt = null;
        started = performance.now();
        const status = await engine.syncNow();
        const ended = performance.now();
        if (status.state !== 'online' || status.backlog !== 0 || client.firstPullAt === null) {
          throw new Error(
            `push ended ${status.state} with ${status.backlog} left: ${JSON.stringify(status.error)}`,
          );
        }
        pushRates.push(decisionsToPush / ((client.firstPullAt - started) / 1000));
        pushAndPullBackRates.push(decisionsToPush / ((ended - started) / 1000));

        // The central's own rate on as many other pending registrations, then pulled back (untimed)
        // so the next round does not pick them.
        const batches = chunk(
          pendingCodes(store, decisionsToPush).map((code, index) =>
            wireDecision(baselineDevice.deviceId, code, decisionInput(code, index)),
          ),
          pushBatchSize,
        );
        started = performance.now();
        for (const batch of batches) {
          const results = processor.process(batch, device, new Date());
          if (results.some((entry) => entry.status !== 'accepted')) throw new Error('baseline event refused');
        }
        centralRates.push(decisionsToPush / ((performance.now() - started) / 1000));
        if ((await engine.syncNow()).state !== 'online') throw new Error('pull-back failed');
        progress(
          `push ${round + 1}/${repeats}: engine ${Math.round(pushRates.at(-1) ?? 0)}/s, ` +
            `central in-process ${Math.round(centralRates.at(-1) ?? 0)}/s, ` +
            `recordDecision ${Math.round(recordRates.at(-1) ?? 0)}/s`,
        );
      }
      counter.store.close();

      const times = `median of ${repeats}`;
      return [
        result({
          name: `sync: seed ${seedCount.toLocaleString('en-US')} registrations (setup, not counted)`,
          unit: 's',
          value: seedSeconds,
          target: null,
        }),
        result({
          name: `sync: pull ${officeCount.toLocaleString('en-US')} into an empty store, SyncEngine.syncNow, pages of ${pageSize} (${times})`,
          unit: 'registrations/s',
          value: median(engineRates),
          baseline: median(transportRates),
          baselineName: 'same pages: fetch + JSON.parse only',
          target: '>= 10000',
        }),
        result({
          name: `sync: push ${decisionsToPush.toLocaleString('en-US')} decisions, SyncEngine, batches of ${pushBatchSize} (${times})`,
          unit: 'decisions/s',
          value: median(pushRates),
          baseline: median(centralRates),
          baselineName: 'central applies them in-process',
          target: null,
        }),
        result({
          name: `sync: push ${decisionsToPush.toLocaleString('en-US')} decisions and pull their versions back, one syncNow (${times})`,
          unit: 'decisions/s',
          value: median(pushAndPullBackRates),
          target: null,
        }),
        result({
          name: `sync: record ${decisionsToPush.toLocaleString('en-US')} decisions locally, recordDecision (${times})`,
          unit: 'decisions/s',
          value: median(recordRates),
          target: null,
        }),
        loadAverageResult('sync'),
      ];
    } finally {
      await central.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The transport's ceiling: every page of the office over HTTP, parsed, nothing else. */
async function fetchAllPages(url: string, token: string, expected: number): Promise<number> {
  let after = 0;
  let pulled = 0;
  const started = performance.now();
  for (;;) {
    const response = await fetch(
      `${url}/v1/offices/${office}/registrations?after=${after}&limit=${pageSize}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const body = JSON.parse(await response.text()) as { items: unknown[]; cursor: number; hasMore: boolean };
    pulled += body.items.length;
    after = body.cursor;
    if (!body.hasMore) break;
  }
  if (pulled !== expected) throw new Error(`baseline pulled ${pulled}, expected ${expected}`);
  return pulled / ((performance.now() - started) / 1000);
}

function pendingCodes(store: Store, count: number): string[] {
  const codes = store.db
    .prepare(
      `SELECT code FROM registrations WHERE office_code = ? AND status = 'pending' AND local_state = 'synced'
       ORDER BY code LIMIT ?`,
    )
    .pluck()
    .all(office, count) as string[];
  if (codes.length < count) throw new Error(`only ${codes.length} pending registrations left`);
  return codes;
}

function decisionInput(registrationCode: string, index: number) {
  const outcome: Decision['outcome'] = index % 2 === 0 ? 'approved' : 'rejected';
  return {
    registrationCode,
    outcome,
    reasonCode: outcome === 'rejected' ? 'identity-mismatch' : null,
    note: null,
    ...officer,
    override: false,
  };
}

function wireDecision(
  deviceId: string,
  registrationCode: string,
  input: ReturnType<typeof decisionInput>,
): SyncEvent {
  const at = new Date().toISOString();
  return {
    eventId: crypto.randomUUID(),
    type: 'decision',
    deviceId,
    occurredAt: at,
    payload: {
      registrationCode,
      decision: {
        outcome: input.outcome,
        reasonCode: input.reasonCode,
        note: input.note,
        officerId: input.officerId,
        counterId: input.counterId,
        decidedAt: at,
        override: false,
      },
    },
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

const benchmark: Benchmark = { title: 'sync engine throughput: pull 100,000, push 10,000', run };
export default benchmark;

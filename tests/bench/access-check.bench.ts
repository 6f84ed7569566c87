// What the access rules cost: `health` (and a signed-in officer's `conflicts.list`) through the
// browser-mode web host, against the same backend built with no access check at all, in the same
// run. Batches of the two alternate so that a noisy neighbour slows both alike. Target: the check
// adds at most 5 % to the `health` round trip (medians).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../../main/services/backend.ts';
import { startWebHost, type WebHost } from '../../main/host/web/web-host.ts';
import { signInAs, syncOnce, trainingStaff } from '../support/staff-session.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';
import { median, result, type Benchmark } from './bench-result.ts';

const rounds = 40;
const batch = 100;

interface Target {
  backend: Backend;
  host: WebHost;
  data: ReturnType<typeof makeTemporaryDirectory>;
}

async function target(checked: boolean, renderer: string): Promise<Target> {
  const data = makeTemporaryDirectory('bench-access');
  const backend = await createBackend({
    dataDirectory: data.path,
    ...(checked ? {} : { checkAccess: () => null }),
  });
  await syncOnce(backend.call);
  await signInAs(backend.call, trainingStaff.officer);
  const host = await startWebHost({ backend, rendererDirectory: renderer });
  return { backend, host, data };
}

function caller(host: WebHost, name: string) {
  const headers = {
    Authorization: `Bearer ${host.token}`,
    'Content-Type': 'application/json',
    Origin: host.url,
  };
  return async () => {
    const response = await fetch(`${host.url}/api/call/${name}`, { method: 'POST', headers, body: '{}' });
    const body = (await response.json()) as { ok: boolean };
    if (!body.ok) throw new Error(`${name} failed in the benchmark`);
  };
}

async function timeBatch(call: () => Promise<void>, into: number[]): Promise<void> {
  for (let index = 0; index < batch; index += 1) {
    const started = performance.now();
    await call();
    into.push(performance.now() - started);
  }
}

const benchmark: Benchmark = {
  title: 'access check on the web-host round trip',
  run: async () => {
    const renderer = makeTemporaryDirectory('bench-renderer');
    writeFileSync(path.join(renderer.path, 'index.html'), '<!doctype html>');
    const checked = await target(true, renderer.path);
    const unchecked = await target(false, renderer.path);
    try {
      const samples = {
        checkedHealth: [],
        uncheckedHealth: [],
        checkedStaff: [],
        uncheckedStaff: [],
      } as Record<string, number[]>;
      const calls = {
        checkedHealth: caller(checked.host, 'health'),
        uncheckedHealth: caller(unchecked.host, 'health'),
        checkedStaff: caller(checked.host, 'conflicts.list'),
        uncheckedStaff: caller(unchecked.host, 'conflicts.list'),
      };
      for (const call of Object.values(calls)) await timeBatch(call, []); // warm-up
      for (let round = 0; round < rounds; round += 1) {
        // Alternate which goes first, so neither always meets a warmer or colder machine.
        const order = round % 2 === 0 ? Object.keys(calls) : Object.keys(calls).reverse();
        for (const key of order) await timeBatch(calls[key as keyof typeof calls], samples[key] as number[]);
      }
      // In-process, without the transport: what the check itself costs per call.
      const direct = async (backend: Backend, name: string) => {
        const durations: number[] = [];
        for (let repeat = 0; repeat < 20; repeat += 1) {
          const started = performance.now();
          for (let index = 0; index < 1000; index += 1) await backend.call(name, {});
          durations.push(((performance.now() - started) / 1000) * 1000);
        }
        return median(durations);
      };
      await direct(checked.backend, 'conflicts.list');
      await direct(unchecked.backend, 'conflicts.list');
      const directChecked = await direct(checked.backend, 'conflicts.list');
      const directUnchecked = await direct(unchecked.backend, 'conflicts.list');
      const baselineName = 'same backend, no access check';
      const health = median(samples.checkedHealth as number[]);
      const healthBaseline = median(samples.uncheckedHealth as number[]);
      const staff = median(samples.checkedStaff as number[]);
      const staffBaseline = median(samples.uncheckedStaff as number[]);
      return [
        result({
          name: 'health p50 via web host, access checked',
          unit: 'ms',
          value: health,
          baseline: healthBaseline,
          baselineName,
          target: null,
        }),
        result({
          name: 'access check overhead on health (p50 ratio)',
          unit: 'ratio',
          value: health / healthBaseline,
          baseline: 1,
          baselineName,
          target: '<= 1.05',
        }),
        result({
          name: 'conflicts.list p50 via web host, signed-in officer',
          unit: 'ms',
          value: staff,
          baseline: staffBaseline,
          baselineName,
          target: null,
        }),
        result({
          name: 'access check overhead on a staff operation (p50 ratio)',
          unit: 'ratio',
          value: staff / staffBaseline,
          baseline: 1,
          baselineName,
          target: '<= 1.05',
        }),
        result({
          name: 'conflicts.list in-process (µs per call), access checked',
          unit: 'µs',
          value: directChecked,
          baseline: directUnchecked,
          baselineName,
          target: null,
        }),
      ];
    } finally {
      for (const { host, backend, data } of [checked, unchecked]) {
        await host.close();
        await backend.close();
        data.remove();
      }
      renderer.remove();
    }
  },
};

export default benchmark;

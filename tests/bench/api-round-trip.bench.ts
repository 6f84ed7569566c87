// API round-trip latency: `health` through the browser-mode web host (HTTP on loopback, token and
// origin checks, JSON both ways) against the same call made directly on the backend object, in the
// same run. The ratio is what the transport costs.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../main/services/backend.ts';
import { startWebHost } from '../../main/host/web/web-host.ts';
import { makeTemporaryDirectory } from '../support/temporary-directory.ts';
import { percentile, result, type Benchmark } from './bench-result.ts';

const warmup = 300;
const samples = 3000;

async function measure(call: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < warmup; index += 1) await call();
  const durations: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    const started = performance.now();
    await call();
    durations.push(performance.now() - started);
  }
  return durations;
}

const benchmark: Benchmark = {
  title: 'API round trip (web host vs direct call)',
  run: async () => {
    const data = makeTemporaryDirectory('bench-api');
    const renderer = makeTemporaryDirectory('bench-renderer');
    writeFileSync(path.join(renderer.path, 'index.html'), '<!doctype html>');
    const backend = await createBackend({ dataDirectory: data.path });
    const host = await startWebHost({ backend, rendererDirectory: renderer.path });
    try {
      const direct = await measure(() => backend.call('health', {}));
      const headers = {
        Authorization: `Bearer ${host.token}`,
        'Content-Type': 'application/json',
        Origin: host.url,
      };
      const overHttp = await measure(async () => {
        const response = await fetch(`${host.url}/api/call/health`, { method: 'POST', headers, body: '{}' });
        return response.json();
      });
      const baselineName = 'direct backend.call (no transport)';
      return [
        result({
          name: 'api.health p50 via web host',
          unit: 'ms',
          value: percentile(overHttp, 50),
          baseline: percentile(direct, 50),
          baselineName,
          target: '<= 5',
        }),
        result({
          name: 'api.health p99 via web host',
          unit: 'ms',
          value: percentile(overHttp, 99),
          baseline: percentile(direct, 99),
          baselineName,
          target: '<= 20',
        }),
      ];
    } finally {
      await host.close();
      await backend.close();
      data.remove();
      renderer.remove();
    }
  },
};

export default benchmark;

import { loadavg } from 'node:os';
/** One line of bench-results.json. `baseline` is measured in the same run, on the same machine. */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  baseline: number | null;
  /** What the baseline is, in a few words (e.g. "naive split('|')"). */
  baselineName: string | null;
  /** The target in words, e.g. ">= 200000" or "<= 1"; null when there is none. */
  target: string | null;
  /** Whether `value` meets `target` (null when there is no target). */
  meetsTarget: boolean | null;
}

/** Each tests/bench/*.bench.ts file default-exports one of these. */
export interface Benchmark {
  title: string;
  run: () => Promise<BenchResult[]>;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function result(
  fields: Omit<BenchResult, 'meetsTarget' | 'baselineName' | 'baseline'> & {
    baseline?: number | null;
    baselineName?: string | null;
  },
): BenchResult {
  return {
    baseline: null,
    baselineName: null,
    ...fields,
    meetsTarget: fields.target === null ? null : meets(fields.value, fields.target),
  };
}

function meets(value: number, target: string): boolean {
  const match = /^(>=|<=)\s*([\d.]+)$/.exec(target.trim());
  if (!match) throw new Error(`target must read ">= N" or "<= N", got ${target}`);
  const bound = Number(match[2]);
  return match[1] === '>=' ? value >= bound : value <= bound;
}

/**
 * The machine's 1-minute load average when a benchmark ends, so a reader can tell a loaded run from
 * a quiet one. Named per benchmark: results are merged into bench-results.json by name.
 */
export function loadAverageResult(scope: string): BenchResult {
  return result({
    name: `${scope}: machine load average (1 min) at the end`,
    unit: 'runnable',
    value: loadavg()[0] as number,
    target: null,
  });
}

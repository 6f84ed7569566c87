// The generated corpus, cached on disk between benchmark runs: rendering a round takes about a
// minute on two cores, reading it back a few seconds (about 0.55 GB on disk per round). The cache
// lives in the system's temp directory (QR_CORPUS_CACHE overrides it), one directory per corpus
// version: a hash of the generator's source, the card payloads and the versions of the packages
// that draw pixels, so any change to how frames are made starts a fresh cache and a stale frame is
// never read. A round is complete once its manifest (its specs and their parameters) is written,
// after all its frames; frames are written through temporary names, so two runs sharing the cache
// do not clash.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeFrame } from './frame-codec.ts';
import { writeQrCorpus } from './generate-corpus.ts';
import {
  corpusPayloads,
  qrCorpusSpecs,
  renderQrCorpusFrame,
  type FrameParameters,
  type QrCorpusFrame,
  type QrCorpusSpec,
} from './qr-corpus.ts';

const generatorSources = [
  'qr-corpus.ts',
  'card-scene.ts',
  'image-ops.ts',
  'seeded-random.ts',
  'frame-codec.ts',
  'generate-corpus.ts',
  'qr-corpus-worker.ts',
];
const pixelPackages = ['qrcode', 'jpeg-js'];

/** The corpus version: 16 hex digits that change whenever any input of the generator does. */
export function qrCorpusVersion(): string {
  const hash = createHash('sha256');
  for (const source of generatorSources) hash.update(readFileSync(new URL(`./${source}`, import.meta.url)));
  hash.update(JSON.stringify(corpusPayloads()));
  const require = createRequire(import.meta.url);
  for (const name of pixelPackages) {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
      version: string;
    };
    hash.update(`${name}@${manifest.version}`);
  }
  return hash.digest('hex').slice(0, 16);
}

export function qrCorpusCacheDir(): string {
  const root = process.env.QR_CORPUS_CACHE || path.join(tmpdir(), 'bhxh-kiosk-qr-corpus');
  return path.join(root, qrCorpusVersion());
}

/** A round in the cache: its specs, their parameters, and where its frames are. */
export interface CachedRound {
  round: number;
  specs: QrCorpusSpec[];
  parameters: FrameParameters[];
  dir: string;
}

interface Manifest {
  round: number;
  ids: string[];
  parameters: FrameParameters[];
}

const frameFile = (dir: string, index: number) => path.join(dir, `${String(index).padStart(4, '0')}.qrf`);

function readManifest(dir: string, specs: QrCorpusSpec[]): FrameParameters[] | null {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    const same =
      manifest.ids.length === specs.length && manifest.ids.every((id, index) => id === specs[index]?.id);
    return same ? manifest.parameters : null;
  } catch {
    return null;
  }
}

/**
 * The rounds, rendered into the cache where they are not there yet (all missing frames in one
 * pool of worker threads).
 */
export async function prepareQrCorpusRounds(
  rounds: readonly number[],
  options: { workers?: number; log?: (line: string) => void } = {},
): Promise<CachedRound[]> {
  const base = qrCorpusCacheDir();
  const prepared = rounds.map((round) => {
    const dir = path.join(base, `round-${round}`);
    const specs = qrCorpusSpecs(round);
    return { round, specs, dir, parameters: readManifest(dir, specs) };
  });
  const missing = prepared.filter((entry) => entry.parameters === null);
  if (missing.length > 0) {
    const specs = missing.flatMap((entry) => entry.specs);
    const files = missing.flatMap((entry) => entry.specs.map((_, index) => frameFile(entry.dir, index)));
    for (const entry of missing) mkdirSync(entry.dir, { recursive: true });
    const started = performance.now();
    options.log?.(
      `rendering ${specs.length} frames (rounds ${missing.map((entry) => entry.round).join(',')}) into ${base}`,
    );
    const parameters = await writeQrCorpus(specs, files, {
      workers: options.workers,
      onFrame: (done) => {
        if (done % 364 === 0) options.log?.(`${done}/${specs.length} frames rendered`);
      },
    });
    let offset = 0;
    for (const entry of missing) {
      entry.parameters = parameters.slice(offset, offset + entry.specs.length);
      offset += entry.specs.length;
      const manifest: Manifest = {
        round: entry.round,
        ids: entry.specs.map((spec) => spec.id),
        parameters: entry.parameters,
      };
      const file = path.join(entry.dir, 'manifest.json');
      writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(manifest));
      renameSync(`${file}.${process.pid}.tmp`, file);
    }
    options.log?.(`rendered in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return prepared as CachedRound[];
}

/** One frame of a cached round (rendered again, in-process, if its file has gone since). */
export async function readCachedFrame(round: CachedRound, index: number): Promise<QrCorpusFrame> {
  const spec = round.specs[index] as QrCorpusSpec;
  const bytes = await readFile(frameFile(round.dir, index)).catch(() => null);
  if (!bytes) return renderQrCorpusFrame(spec);
  return { spec, parameters: round.parameters[index] as FrameParameters, frame: decodeFrame(bytes) };
}

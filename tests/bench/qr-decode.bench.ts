// Webcam QR decoding: the app's strategy (main/core/qr-decode, the code the camera worker runs)
// against zxing-wasm with its default options and @zxing/library, on the same frames of the
// generated corpus (tests/bench/qr-corpus: every valid card fixture × 14 distortions, 1280×720),
// in the same run, frame by frame, the three decoders taking turns. The pixels are in memory:
// generating the frames and decoding image files are not timed. A frame counts as read only when
// the text is exactly the card's payload.
//   app          decodeQrFrame(frame, readBarcodes): no time budget, every fallback allowed (the
//                figure for the camera's 200 ms budget is reported beside it).
//   zxing-wasm   readBarcodes(frame) with no options at all (its defaults: every format,
//                tryHarder/tryRotate/tryInvert/tryDownscale, up to 255 symbols, character set
//                guessed; the guess gets these UTF-8 payloads right, so nothing is needed for that).
//   @zxing/lib   QRCodeReader with default hints on HybridBinarizer(RGBLuminanceSource(luma)),
//                the RGBA → luma conversion timed with it.
//
// Two sets of corpus rounds (each round: 364 frames of the same make-up, other poses and
// distortion strengths, drawn from other seeds):
//   TUNING    rounds 0, 1, 4, 5, 6, 7 (2,184 frames). The strategy's fallbacks were designed and
//             chosen looking at these rounds' frames and misses; their figures are for comparison.
//   HELD-OUT  rounds 10–13 (1,456 frames), never looked at while tuning: the success-rate and
//             time targets are judged on these.
// Rounds 2 and 3 are in neither: they were the held-out set before, and their misses were
// described in issue #8, so they are no longer unseen. QR_CORPUS_TUNING and QR_CORPUS_HELD_OUT
// (comma-separated round numbers, empty for none) replace the two sets, e.g. to measure on the
// tuning set alone while working on the strategy. Rendered frames are cached in the temp
// directory by corpus version (qr-corpus/corpus-cache.ts): the first run renders them (about a
// minute per round on two cores), later runs read them back.
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { readBarcodes } from 'zxing-wasm/reader';
import {
  decodeQrFrame,
  qrDecodeAttempts,
  type QrDecodeAttempt,
} from '../../main/core/qr-decode/decode-qr-frame.ts';
import type { RgbaFrame } from '../../main/core/qr-decode/gray-image.ts';
import { loadZxingReader } from '../../main/host/qr-image/zxing-node-reader.ts';
import type { Benchmark, BenchResult } from './bench-result.ts';
import { median, percentile, result } from './bench-result.ts';
import { prepareQrCorpusRounds, readCachedFrame, type CachedRound } from './qr-corpus/corpus-cache.ts';
import { distortionKinds } from './qr-corpus/qr-corpus.ts';

const defaultTuningRounds = [0, 1, 4, 5, 6, 7];
const defaultHeldOutRounds = [10, 11, 12, 13];
/** The camera worker's per-frame budget (renderer/scan/camera/qr-decoder-client.ts). */
const cameraBudgetMs = 200;

type DecoderName = 'app' | 'zxing-wasm default' | '@zxing/library';
type Decode = (frame: RgbaFrame) => Promise<string | null>;

interface Tally {
  ok: number;
  ms: number[];
  byKind: Map<string, number>;
}

interface AttemptTally {
  ran: number;
  read: number;
  ms: number[];
}

interface SetTally {
  name: string;
  rounds: number[];
  frames: number;
  decoders: Map<DecoderName, Tally>;
  attempts: Map<QrDecodeAttempt, AttemptTally>;
  /** Frames the app read with an attempt that started within the camera's budget. */
  withinBudget: number;
  appMisses: string[];
  misreads: string[];
}

function zxingLibraryDecode(frame: RgbaFrame): string | null {
  const { data, width, height } = frame;
  const luma = new Uint8ClampedArray(width * height);
  for (let index = 0, byte = 0; index < luma.length; index += 1, byte += 4) {
    luma[index] =
      (306 * (data[byte] as number) +
        601 * (data[byte + 1] as number) +
        117 * (data[byte + 2] as number) +
        512) >>
      10;
  }
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luma, width, height)));
    return new QRCodeReader().decode(bitmap).getText();
  } catch {
    return null; // NotFound, Checksum, Format: not read
  }
}

const rate = (ok: number, total: number) => (total === 0 ? 0 : (100 * ok) / total);

function roundsFromEnv(name: string, fallback: number[]): number[] {
  const value = process.env[name];
  if (value === undefined) return fallback;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
}

function printSet(set: SetTally, names: DecoderName[]): void {
  const perKind = set.frames / distortionKinds.length;
  console.log(
    `\nQR decode, ${set.name} set (rounds ${set.rounds.join(',')}, ${set.frames} frames): frames read with the exact payload, by distortion (${perKind} frames each)`,
  );
  console.table(
    Object.fromEntries(
      distortionKinds.map((kind) => [
        kind,
        Object.fromEntries(
          names.map((name) => [name, `${set.decoders.get(name)?.byKind.get(kind) ?? 0}/${perKind}`]),
        ),
      ]),
    ),
  );
  console.table(
    Object.fromEntries(
      names.map((name) => {
        const tally = set.decoders.get(name) as Tally;
        return [
          name,
          {
            read: `${tally.ok}/${set.frames}`,
            'success %': rate(tally.ok, set.frames).toFixed(2),
            'median ms': median(tally.ms).toFixed(2),
            'p95 ms': percentile(tally.ms, 95).toFixed(1),
            'max ms': Math.max(...tally.ms).toFixed(0),
          },
        ];
      }),
    ),
  );
  console.log(
    `app strategy, ${set.name} set, per attempt (frames read by it; how often it ran; its median time when it ran). ` +
      `Within the camera's ${cameraBudgetMs} ms budget it reads ${set.withinBudget}/${set.frames} (${rate(set.withinBudget, set.frames).toFixed(2)} %).`,
  );
  console.table(
    Object.fromEntries(
      qrDecodeAttempts.map((attempt) => {
        const tally = set.attempts.get(attempt);
        return [
          attempt,
          {
            read: tally?.read ?? 0,
            ran: tally?.ran ?? 0,
            'median ms': tally && tally.ms.length > 0 ? median(tally.ms).toFixed(1) : '–',
          },
        ];
      }),
    ),
  );
  if (set.appMisses.length > 0) console.log(`app missed (${set.name}): ${set.appMisses.join(', ')}`);
  if (set.misreads.length > 0)
    console.log(`misreads (${set.name}; text that is not the payload): ${set.misreads.join(', ')}`);
}

const benchmark: Benchmark = {
  title: 'webcam QR decode (app strategy vs zxing-wasm defaults vs @zxing/library)',
  run: async () => {
    const sets = [
      { name: 'held-out', rounds: roundsFromEnv('QR_CORPUS_HELD_OUT', defaultHeldOutRounds) },
      { name: 'tuning', rounds: roundsFromEnv('QR_CORPUS_TUNING', defaultTuningRounds) },
    ].filter((set) => set.rounds.length > 0);
    const allRounds = [...new Set(sets.flatMap((set) => set.rounds))];
    const started = performance.now();
    const cached = new Map<number, CachedRound>(
      (
        await prepareQrCorpusRounds(allRounds, { log: (line) => console.error(`bench: qr corpus: ${line}`) })
      ).map((round) => [round.round, round]),
    );
    console.error(
      `bench: qr corpus of ${allRounds.length} rounds ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const read = await loadZxingReader();
    let attemptLog: Array<{ attempt: QrDecodeAttempt; startedAt: number; ms: number; decoded: boolean }> = [];
    const decoders: Record<DecoderName, Decode> = {
      app: async (frame) => {
        attemptLog = [];
        const begin = performance.now();
        const found = await decodeQrFrame(frame, read, {
          onAttempt: (attempt, ms, decoded) =>
            attemptLog.push({ attempt, startedAt: performance.now() - ms - begin, ms, decoded }),
        });
        return found?.text ?? null;
      },
      'zxing-wasm default': async (frame) => {
        const results = await readBarcodes(frame as unknown as Parameters<typeof readBarcodes>[0]);
        return results.find((found) => found.isValid)?.text ?? null;
      },
      '@zxing/library': async (frame) => zxingLibraryDecode(frame),
    };
    const names = Object.keys(decoders) as DecoderName[];

    // Warm-up (JIT, the wasm's memory), not counted.
    const first = cached.get(allRounds[0] as number) as CachedRound;
    for (let index = 0; index < 5; index += 1) {
      const { frame } = await readCachedFrame(first, index);
      for (const name of names) await decoders[name](frame);
    }

    const tallies: SetTally[] = [];
    let frameNumber = 0;
    for (const set of sets) {
      const tally: SetTally = {
        ...set,
        frames: 0,
        decoders: new Map(names.map((name) => [name, { ok: 0, ms: [], byKind: new Map() }])),
        attempts: new Map(),
        withinBudget: 0,
        appMisses: [],
        misreads: [],
      };
      for (const round of set.rounds) {
        const corpus = cached.get(round) as CachedRound;
        for (let index = 0; index < corpus.specs.length; index += 1) {
          const { spec, frame } = await readCachedFrame(corpus, index);
          tally.frames += 1;
          frameNumber += 1;
          // Take turns, starting with a different decoder on each frame.
          for (let turn = 0; turn < names.length; turn += 1) {
            const name = names[(frameNumber + turn) % names.length] as DecoderName;
            const before = performance.now();
            const text = await decoders[name](frame);
            const ms = performance.now() - before;
            const decoder = tally.decoders.get(name) as Tally;
            decoder.ms.push(ms);
            const ok = text === spec.payload;
            if (ok) {
              decoder.ok += 1;
              decoder.byKind.set(spec.kind, (decoder.byKind.get(spec.kind) ?? 0) + 1);
            } else {
              if (text !== null) tally.misreads.push(`${name}: ${spec.id}`);
              if (name === 'app') tally.appMisses.push(spec.id);
            }
            if (name !== 'app') continue;
            for (const entry of attemptLog) {
              const attempt = tally.attempts.get(entry.attempt) ?? { ran: 0, read: 0, ms: [] };
              attempt.ran += 1;
              attempt.ms.push(entry.ms);
              if (entry.decoded && ok) attempt.read += 1;
              tally.attempts.set(entry.attempt, attempt);
            }
            const reader = attemptLog.find((entry) => entry.decoded);
            if (ok && reader && (reader === attemptLog[0] || reader.startedAt <= cameraBudgetMs))
              tally.withinBudget += 1;
          }
        }
      }
      printSet(tally, names);
      tallies.push(tally);
    }
    console.error(`bench: qr decode took ${((performance.now() - started) / 1000).toFixed(1)} s in all`);

    const results: BenchResult[] = [];
    for (const set of tallies) {
      const app = set.decoders.get('app') as Tally;
      const zxingDefault = set.decoders.get('zxing-wasm default') as Tally;
      const library = set.decoders.get('@zxing/library') as Tally;
      const judged = set.name === 'held-out';
      const label = `qr decode, ${set.name} (rounds ${set.rounds.join(',')}, ${set.frames} frames)`;
      const appMedian = median(app.ms);
      const defaultMedian = median(zxingDefault.ms);
      results.push(
        result({
          name: `${label}: app success rate (exact payload)`,
          unit: '% of frames',
          value: rate(app.ok, set.frames),
          baseline: rate(zxingDefault.ok, set.frames),
          baselineName: 'zxing-wasm readBarcodes, default options',
          target: judged ? '>= 99.5' : null,
        }),
        result({
          name: `${label}: app median time / zxing-wasm default median`,
          unit: 'ratio',
          value: appMedian / defaultMedian,
          target: judged ? '<= 0.8' : null,
        }),
        result({
          name: `${label}: app median time per frame`,
          unit: 'ms',
          value: appMedian,
          baseline: defaultMedian,
          baselineName: 'zxing-wasm readBarcodes, default options',
          target: null,
        }),
        result({
          name: `${label}: app p95 time per frame`,
          unit: 'ms',
          value: percentile(app.ms, 95),
          baseline: percentile(zxingDefault.ms, 95),
          baselineName: 'zxing-wasm readBarcodes, default options',
          target: null,
        }),
        result({
          name: `${label}: app success rate within the camera's ${cameraBudgetMs} ms budget`,
          unit: '% of frames',
          value: rate(set.withinBudget, set.frames),
          target: null,
        }),
        result({
          name: `${label}: @zxing/library success rate`,
          unit: '% of frames',
          value: rate(library.ok, set.frames),
          target: null,
        }),
        result({
          name: `${label}: @zxing/library median time per frame`,
          unit: 'ms',
          value: median(library.ms),
          target: null,
        }),
      );
    }
    return results;
  },
};

export default benchmark;

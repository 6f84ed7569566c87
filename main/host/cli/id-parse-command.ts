// `npm run -s cli -- id parse …`: the canonical JSON of ID-CARDS.md §7 for one payload (argument or
// standard input), or for a stream of them (`--batch`, JSON Lines in, one result line out per
// line, in order). Batch mode streams: it reads lines as they arrive, writes results as it goes
// and waits when the reader is slow, so an input of any size runs in constant memory. A line far
// longer than any card payload is answered without being held in memory.
import type { Readable, Writable } from 'node:stream';
import { isIsoDate } from '../../core/id-card/card-dates.ts';
import { maxPayloadBytes } from '../../core/id-card/normalise-payload.ts';
import { failure } from '../../core/id-card/id-card-codes.ts';
import { parseIdPayload } from '../../core/id-card/parse-id-payload.ts';
import type { IdParseOptions } from '../../core/id-card/id-card-types.ts';
import type { CliRun } from './cli-command.ts';
import { writeWithBackpressure } from './write-with-backpressure.ts';

const usage = `Cách dùng / usage:
  npm run -s cli -- id parse [--today YYYY-MM-DD] <payload>   một mã QR / one payload
  npm run -s cli -- id parse [--today YYYY-MM-DD] -           đọc từ stdin / payload on stdin
  npm run -s cli -- id parse [--today YYYY-MM-DD] --batch     JSON Lines: mỗi dòng một chuỗi JSON
In ra JSON một dòng; mã thoát 0 khi đọc được (batch: mọi dòng), 2 khi không, 64 khi sai cú pháp,
74 khi đầu ra bị đóng giữa chừng.
Prints one-line JSON; exit 0 when ok (batch: every line), 2 when not, 64 on a usage error, 74 when
the output is closed early.
`;

/** The result line for a batch line that is not a JSON string (its own code, not a parse code). */
export const notAJsonStringResult = {
  ok: false,
  error: {
    code: 'not-a-json-string',
    message: 'Dòng này không phải một chuỗi JSON (mỗi dòng phải là một chuỗi JSON chứa một mã QR).',
  },
} as const;

// A JSON string holding a payload of at most 4 KB takes at most 6 bytes per payload byte
// (`\u0000` escapes) plus its quotes; anything longer cannot hold a card and is not kept.
const maxBatchLineBytes = 6 * maxPayloadBytes + 64;

type Mode = { kind: 'payload'; payload: string } | { kind: 'stdin' } | { kind: 'batch' };

function parseArguments(args: string[]): { mode: Mode; options: IdParseOptions } | string {
  const options: IdParseOptions = {};
  const modes: Mode[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--') {
      modes.push(...args.slice(index + 1).map((payload): Mode => ({ kind: 'payload', payload })));
      break;
    } else if (arg === '--today' || arg.startsWith('--today=')) {
      const value = arg === '--today' ? args[(index += 1)] : arg.slice('--today='.length);
      if (value === undefined || !isIsoDate(value)) {
        return '--today cần một ngày YYYY-MM-DD / needs a YYYY-MM-DD date';
      }
      options.today = value;
    } else if (arg === '--batch') modes.push({ kind: 'batch' });
    else if (arg === '-') modes.push({ kind: 'stdin' });
    else if (arg.startsWith('--')) return `tùy chọn không rõ / unknown option ${arg}`;
    else modes.push({ kind: 'payload', payload: arg });
  }
  if (modes.length !== 1) {
    return 'cần đúng một mã QR, "-" hoặc --batch / needs exactly one payload, "-" or --batch';
  }
  return { mode: modes[0] as Mode, options };
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  return new TextEncoder().encode(String(chunk));
}

/** Standard input as bytes; reading stops at the first chunk past the payload limit. */
async function readPayload(stdin: Readable): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stdin) {
    const bytes = toBytes(chunk);
    chunks.push(bytes);
    length += bytes.length;
    if (length > maxPayloadBytes) break; // too large already: parse says so without the rest
  }
  return Buffer.concat(chunks, length);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function batchResult(line: Uint8Array | null, options: IdParseOptions): { json: string; ok: boolean } {
  if (line === null) return { json: JSON.stringify(failure('payload-too-large')), ok: false };
  let payload: unknown;
  try {
    payload = JSON.parse(utf8.decode(line));
  } catch {
    payload = undefined;
  }
  if (typeof payload !== 'string') return { json: JSON.stringify(notAJsonStringResult), ok: false };
  const result = parseIdPayload(payload, options);
  return { json: JSON.stringify(result), ok: result.ok };
}

/**
 * Cuts a byte stream into lines (LF, with an optional CR before it). A line longer than
 * `maxBatchLineBytes` is reported as `null` and its bytes are dropped as they come.
 */
class LineCutter {
  #pieces: Uint8Array[] = [];
  #length = 0;
  #overlong = false;

  *push(chunk: Uint8Array): Generator<Uint8Array | null> {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, start)) {
      this.#add(chunk.subarray(start, newline));
      yield this.#take();
      start = newline + 1;
    }
    this.#add(chunk.subarray(start));
  }

  /** The last line when the input does not end with a newline. */
  *end(): Generator<Uint8Array | null> {
    if (this.#length > 0 || this.#overlong) yield this.#take();
  }

  #add(bytes: Uint8Array): void {
    if (this.#overlong || bytes.length === 0) return;
    if (this.#length + bytes.length > maxBatchLineBytes) {
      this.#overlong = true;
      this.#pieces = [];
      this.#length = 0;
      return;
    }
    // Copied: the stream may reuse the chunk's memory once we return.
    this.#pieces.push(Uint8Array.from(bytes));
    this.#length += bytes.length;
  }

  #take(): Uint8Array | null {
    const line = this.#overlong ? null : Buffer.concat(this.#pieces, this.#length);
    this.#pieces = [];
    this.#length = 0;
    this.#overlong = false;
    if (line !== null && line.length > 0 && line[line.length - 1] === 13)
      return line.subarray(0, line.length - 1);
    return line;
  }
}

async function runBatch(stdin: Readable, stdout: Writable, options: IdParseOptions): Promise<number> {
  const cutter = new LineCutter();
  let allOk = true;
  // A reader that went away (`| head`, EPIPE) is not a crash: the batch just stops.
  let broken = false;
  const onError = () => {
    broken = true;
  };
  stdout.on('error', onError);
  const answer = async (lines: Iterable<Uint8Array | null>) => {
    let output = '';
    for (const line of lines) {
      const { json, ok } = batchResult(line, options);
      output += `${json}\n`;
      allOk &&= ok;
    }
    if (output.length > 0) await writeWithBackpressure(stdout, output);
  };
  try {
    for await (const chunk of stdin) {
      if (broken || !stdout.writable) return 74;
      await answer(cutter.push(toBytes(chunk)));
    }
    await answer(cutter.end());
    return allOk ? 0 : 2;
  } finally {
    stdout.off('error', onError);
  }
}

export const run: CliRun = async (args, io) => {
  if (args.includes('--help')) {
    io.stderr.write(usage);
    return 0;
  }
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`id parse: ${parsed}\n${usage}`);
    return 64;
  }
  const { mode, options } = parsed;
  if (mode.kind === 'batch') return runBatch(io.stdin, io.stdout, options);
  const input = mode.kind === 'stdin' ? await readPayload(io.stdin) : mode.payload;
  const result = parseIdPayload(input, options);
  await writeWithBackpressure(io.stdout, `${JSON.stringify(result)}\n`);
  return result.ok ? 0 : 2;
};

// `npm run -s cli -- scan hid-decode …`: HID-POS input reports (as a USB capture or a scanner
// test tool shows them, one per line in hex) → the scans they carry, each with the canonical parse
// of `id parse`. For checking a scanner model's layout and for replaying captured scans. Streams:
// reads lines as they arrive and writes results as it goes, waiting when the reader is slow; a
// line far longer than any report is answered without being held in memory. Lines have no times,
// so scans are told apart by their reports' flags alone (no gap time-out); the end of the input
// abandons a scan still unfinished.
import { isIsoDate } from '../../core/id-card/card-dates.ts';
import { parseIdPayload } from '../../core/id-card/parse-id-payload.ts';
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import { encodeHidPosReports, reportHex } from '../../devices/hid-pos/encode-hid-pos-reports.ts';
import { HidPosAssembler, type HidPosOutcome } from '../../devices/hid-pos/hid-pos-assembler.ts';
import { isHidPosLayoutOption, type HidPosLayoutOption } from '../../devices/hid-pos/hid-pos-layouts.ts';
import type { CliRun } from './cli-command.ts';
import { writeWithBackpressure } from './write-with-backpressure.ts';

const example = reportHex(encodeHidPosReports('xin chào', 'honeywell')[0] as Uint8Array);

const usage = `Cách dùng / usage:
  npm run -s cli -- scan hid-decode [--layout auto|honeywell|zebra|plain] [--today YYYY-MM-DD] < reports.txt
Đọc báo cáo HID-POS (64 byte, report id ở byte 0) từ stdin, mỗi dòng một báo cáo dạng hex (cho phép
dấu cách, chữ hoa/thường; bỏ qua dòng trống). Mỗi lần quét in một dòng JSON:
  {"layout":…,"symbology":"]Q1","symbologyName":"QR Code","raw":"<văn bản>","parse":{…},"line":N}
"parse" là kết quả của \`id parse\` cho "raw"; "line" là dòng của báo cáo cuối. Một dòng hỏng in
  {"error":{"code":…,"message":…},"line":N}
và việc đọc vẫn tiếp tục. Mã thoát 0 khi mọi dòng đều tốt và mọi lần quét là thẻ, 2 khi không,
64 khi sai cú pháp, 74 khi đầu ra bị đóng giữa chừng. --layout mặc định là auto.
Reads HID-POS input reports from stdin, one 64-byte report per line in hex; prints one JSON line
per scan ("parse" is the \`id parse\` result of "raw", "line" the line of its last report) or per bad
line; exit 0 when every line was a good report and every scan a card, 2 when not, 64 on a usage
error, 74 when the output is closed early.
Ví dụ / example (honeywell, "xin chào" in one report):
  ${example}
`;

/** The CLI's own codes, for lines that are not reports at all; the others are the decoder's. */
const lineErrors = {
  'not-hex': 'Dòng này không phải một báo cáo dạng hex (các cặp chữ số 0-9, a-f).',
  'line-too-long': 'Dòng này quá dài để là một báo cáo HID-POS (64 byte).',
} as const;

// 64 bytes take 128 hex digits; 1 KB leaves room for any spacing a tool prints between them.
const maxLineChars = 1024;

interface Options {
  layout: HidPosLayoutOption;
  today: string | null;
}

function parseArguments(args: string[]): Options | string {
  const options: Options = { layout: 'auto', today: null };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    if (name === '--layout' || name === '--today') {
      const value = inline ?? args[(index += 1)];
      if (name === '--layout') {
        if (value === undefined || !isHidPosLayoutOption(value)) {
          return '--layout cần auto, honeywell, zebra hoặc plain / needs auto, honeywell, zebra or plain';
        }
        options.layout = value;
      } else {
        if (value === undefined || !isIsoDate(value)) {
          return '--today cần một ngày YYYY-MM-DD / needs a YYYY-MM-DD date';
        }
        options.today = value;
      }
    } else if (arg.startsWith('-')) return `tùy chọn không rõ / unknown option ${arg}`;
    else return `không nhận đối số, báo cáo đọc từ stdin / takes no argument, reports come on stdin: ${arg}`;
  }
  return options;
}

/**
 * Cuts text into lines (LF; a CR before it is whitespace to the hex reader). A line longer than
 * `maxLineChars` is reported as `null` and dropped as it comes.
 */
class LineCutter {
  #text = '';
  #overlong = false;

  *push(chunk: string): Generator<string | null> {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', start)) {
      this.#add(chunk.slice(start, newline));
      yield this.#take();
      start = newline + 1;
    }
    this.#add(chunk.slice(start));
  }

  /** The last line when the input does not end with a newline. */
  *end(): Generator<string | null> {
    if (this.#text.length > 0 || this.#overlong) yield this.#take();
  }

  #add(text: string): void {
    if (this.#overlong) return;
    if (this.#text.length + text.length > maxLineChars) {
      this.#overlong = true;
      this.#text = '';
    } else this.#text += text;
  }

  #take(): string | null {
    const line = this.#overlong ? null : this.#text;
    this.#text = '';
    this.#overlong = false;
    return line;
  }
}

type LineError = keyof typeof lineErrors;

/** The report a line holds, null for a blank line, or why it holds none. */
function reportOf(line: string | null): Uint8Array | null | LineError {
  if (line === null) return 'line-too-long';
  const hex = line.replace(/\s+/g, '');
  if (hex.length === 0) return null;
  if (hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return 'not-hex';
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

class Decoder {
  readonly #assembler: HidPosAssembler;
  readonly #today: string | null;
  #line = 0;
  allOk = true;

  constructor(options: Options) {
    this.#assembler = new HidPosAssembler({ layout: options.layout });
    this.#today = options.today;
  }

  /** The output lines (each with its newline) for input lines. */
  answer(lines: Iterable<string | null>): string {
    let output = '';
    for (const line of lines) {
      this.#line += 1;
      const report = reportOf(line);
      if (report === null) continue;
      if (typeof report === 'string') {
        // A line that should have been a report: whatever scan it belonged to cannot be whole.
        this.#assembler.end();
        output += this.#errorLine(report, lineErrors[report]);
      } else {
        // Lines carry no time: every report counts as arriving at once.
        output += this.#outcomeLines(this.#assembler.push(report, 0));
      }
    }
    return output;
  }

  /** What an unfinished scan at the end of the input gives. */
  end(): string {
    return this.#outcomeLines(this.#assembler.end());
  }

  #outcomeLines(outcomes: readonly HidPosOutcome[]): string {
    let output = '';
    for (const outcome of outcomes) {
      if (outcome.kind === 'error') {
        output += this.#errorLine(outcome.code, outcome.message);
        continue;
      }
      const parse = parseIdPayload(outcome.text, { today: this.#today ?? vietnamDay(new Date()) });
      this.allOk &&= parse.ok;
      const { layout, symbology, symbologyName } = outcome;
      output += `${JSON.stringify({ layout, symbology, symbologyName, raw: outcome.text, parse, line: this.#line })}\n`;
    }
    return output;
  }

  #errorLine(code: string, message: string): string {
    this.allOk = false;
    return `${JSON.stringify({ error: { code, message }, line: this.#line })}\n`;
  }
}

export const run: CliRun = async (args, io) => {
  if (args.includes('--help')) {
    io.stderr.write(usage);
    return 0;
  }
  const options = parseArguments(args);
  if (typeof options === 'string') {
    io.stderr.write(`scan hid-decode: ${options}\n${usage}`);
    return 64;
  }
  const { stdin, stdout } = io;
  // Not fatal: a byte that is not UTF-8 becomes U+FFFD, which is not hex, so its line says not-hex.
  const utf8 = new TextDecoder();
  const decoder = new Decoder(options);
  const cutter = new LineCutter();
  // A reader that went away (`| head`, EPIPE) is not a crash: decoding just stops.
  let broken = false;
  const onError = () => {
    broken = true;
  };
  stdout.on('error', onError);
  try {
    for await (const chunk of stdin as AsyncIterable<string | Uint8Array>) {
      if (broken || !stdout.writable) return 74;
      const text = typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true });
      const output = decoder.answer(cutter.push(text));
      if (output.length > 0) await writeWithBackpressure(stdout, output);
    }
    const rest = [...cutter.push(utf8.decode()), ...cutter.end()];
    const output = decoder.answer(rest) + decoder.end();
    if (output.length > 0) await writeWithBackpressure(stdout, output);
    return decoder.allOk ? 0 : 2;
  } finally {
    stdout.off('error', onError);
  }
};

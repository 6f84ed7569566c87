// `npm run -s cli -- id decode-image FILE...`: reads the ID/BHYT card QR code in PNG or JPEG
// images, with the app's own decoder (the strategy the camera's worker runs, main/core/qr-decode),
// and prints one JSON line per file, in the order given:
//   {"file":…, <the canonical parse of ID-CARDS.md §7>, "raw": <decoded text>, "ms": <QR decode ms>}
// A file whose code cannot be read still gets its line, in the same shape as a failed parse:
//   {"file":…, "ok":false, "error":{"code":"qr-not-found"|"file-unreadable"|"not-an-image"|
//    "image-corrupt"|"image-too-large", "message":…}, "raw":null, "ms":…}
// Exit 0 when every file gave a card (`ok` true on every line), 2 when any did not, 64 on a usage
// error. `ms` is the QR decode time; reading and decoding the image file are not counted.
import { isIsoDate } from '../../core/id-card/card-dates.ts';
import { parseIdPayload } from '../../core/id-card/parse-id-payload.ts';
import { vietnamDay } from '../../core/time/vietnam-time.ts';
import { decodeQrImageFile } from '../qr-image/decode-image-file.ts';
import type { CliRun } from './cli-command.ts';
import { writeWithBackpressure } from './write-with-backpressure.ts';

const usage = `Cách dùng / usage:
  npm run -s cli -- id decode-image [--today YYYY-MM-DD] FILE...   ảnh PNG/JPEG / PNG or JPEG images
Mỗi tệp một dòng JSON, theo thứ tự: kết quả đọc thẻ, "raw" (chuỗi trong mã QR, null nếu không đọc
được) và "ms" (thời gian giải mã QR). Mã thoát 0 khi mọi tệp đọc được thẻ, 2 khi không, 64 khi sai cú pháp.
One JSON line per file, in order: the card parse, "raw" (the QR text, null when unreadable) and
"ms" (QR decode time). Exit 0 when every file gave a card, 2 when any did not, 64 on a usage error.
`;

function parseArguments(args: string[]): { files: string[]; today: string } | string {
  const files: string[] = [];
  let today = vietnamDay(new Date());
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--') {
      files.push(...args.slice(index + 1));
      break;
    } else if (arg === '--today' || arg.startsWith('--today=')) {
      const value = arg === '--today' ? args[(index += 1)] : arg.slice('--today='.length);
      if (value === undefined || !isIsoDate(value)) {
        return '--today cần một ngày YYYY-MM-DD / needs a YYYY-MM-DD date';
      }
      today = value;
    } else if (arg.startsWith('--')) return `tùy chọn không rõ / unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length === 0) return 'cần ít nhất một tệp ảnh / needs at least one image file';
  return { files, today };
}

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

export const run: CliRun = async (args, io) => {
  if (args.includes('--help')) {
    io.stderr.write(usage);
    return 0;
  }
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`id decode-image: ${parsed}\n${usage}`);
    return 64;
  }
  let allOk = true;
  for (const file of parsed.files) {
    const decoded = await decodeQrImageFile(file);
    let line: object;
    if (decoded.ok) {
      const result = parseIdPayload(decoded.text, { today: parsed.today });
      allOk &&= result.ok;
      line = { file, ...result, raw: decoded.text, ms: roundMs(decoded.ms) };
    } else {
      allOk = false;
      line = { file, ok: false, error: decoded.error, raw: null, ms: roundMs(decoded.ms) };
    }
    await writeWithBackpressure(io.stdout, `${JSON.stringify(line)}\n`);
  }
  return allOk ? 0 : 2;
};

// `npm run -s cli -- form render --json REGISTRATION.json --out FILE.pdf [options]`: the
// declaration PDF (form 01/ĐK-GD, main/documents/declaration) of one canonical registration, for
// an administrator checking a template and for support reproducing a print. Prints one JSON line:
//   {"ok":true,"out":…,"bytes":…,"pages":…,"template":{"source","revision","problem"}}
// Exit 0 when written; 2 on invalid input (unreadable file, bad JSON, a registration failing its
// schema, a missing --out or --json); 64 on an unknown option; 1 when the PDF cannot be written.
// `--template FILE` tries an administrator's template: a broken one is reported on stderr and the
// default is used, exactly as the kiosk would.
import { readFile, writeFile } from 'node:fs/promises';
import { bhxhOffice } from '../../documents/declaration/bhxh-office-directory.ts';
import {
  summaryLanguages,
  type SummaryLanguage,
} from '../../documents/declaration/declaration-template-schema.ts';
import {
  loadDeclarationTemplate,
  loadDeclarationTemplateFile,
  type LoadedDeclarationTemplate,
} from '../../documents/declaration/load-declaration-template.ts';
import {
  DeclarationRenderError,
  renderDeclarationDocument,
  type DeclarationInput,
} from '../../documents/declaration/render-declaration-pdf.ts';
import type { Registration } from '../../core/registration/registration.ts';
import type { CliRun } from './cli-command.ts';
import { writeWithBackpressure } from './write-with-backpressure.ts';

const usage = `Cách dùng / usage:
  npm run -s cli -- form render --json REGISTRATION.json --out FILE.pdf
      [--summary en|zh|ko|ja] [--training] [--printed-at ISO] [--paper A4|A5] [--template FILE]
In tờ khai 01/ĐK-GD của một hồ sơ đăng ký (JSON chuẩn) ra tệp PDF; in một dòng JSON kết quả.
Writes the 01/ĐK-GD declaration of one canonical registration JSON to a PDF; prints one JSON line.
Mã thoát / exit: 0 đã ghi / written, 2 dữ liệu vào không hợp lệ / invalid input,
64 sai cú pháp / usage error, 1 không ghi được tệp / cannot write the file.
`;

interface RenderArguments {
  json: string;
  out: string;
  summary: SummaryLanguage | null;
  training: boolean;
  printedAt: Date;
  paper: 'A4' | 'A5';
  template: string | null;
}

type ParseFailure = { exit: 2 | 64; message: string };

function parseArguments(args: string[]): RenderArguments | ParseFailure {
  const values = new Map<string, string>();
  let training = false;
  const takesValue = ['--json', '--out', '--summary', '--printed-at', '--paper', '--template'];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--training') {
      training = true;
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!takesValue.includes(name)) return { exit: 64, message: `tùy chọn không rõ / unknown option ${arg}` };
    const value = inline ?? args[(index += 1)];
    if (value === undefined || value.length === 0) {
      return { exit: 2, message: `${name} cần một giá trị / needs a value` };
    }
    values.set(name, value);
  }
  const json = values.get('--json');
  const out = values.get('--out');
  if (json === undefined)
    return { exit: 2, message: 'thiếu --json REGISTRATION.json / missing --json REGISTRATION.json' };
  if (out === undefined) return { exit: 2, message: 'thiếu --out FILE.pdf / missing --out FILE.pdf' };
  const summary = values.get('--summary') ?? null;
  if (summary !== null && !(summaryLanguages as readonly string[]).includes(summary)) {
    return { exit: 2, message: `--summary phải là / must be one of ${summaryLanguages.join('|')}` };
  }
  const printedAtText = values.get('--printed-at');
  const printedAt = printedAtText === undefined ? new Date() : new Date(printedAtText);
  if (
    Number.isNaN(printedAt.getTime()) ||
    (printedAtText !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(printedAtText))
  ) {
    return { exit: 2, message: '--printed-at cần thời điểm ISO 8601 / needs an ISO 8601 timestamp' };
  }
  const paper = values.get('--paper') ?? 'A4';
  if (paper !== 'A4' && paper !== 'A5') return { exit: 2, message: '--paper phải là / must be A4|A5' };
  return {
    json,
    out,
    summary: summary as SummaryLanguage | null,
    training,
    printedAt,
    paper,
    template: values.get('--template') ?? null,
  };
}

async function readRegistrationJson(
  file: string,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: `không đọc được tệp / cannot read ${file} (${reason})` };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${file} không phải JSON hợp lệ / is not valid JSON: ${detail}` };
  }
}

function describeTemplate(loaded: LoadedDeclarationTemplate) {
  return { source: loaded.source, revision: loaded.revision, problem: loaded.problem?.code ?? null };
}

export const run: CliRun = async (args, io) => {
  if (args.includes('--help')) {
    io.stderr.write(usage);
    return 0;
  }
  const parsed = parseArguments(args);
  if ('exit' in parsed) {
    io.stderr.write(`form render: ${parsed.message}\n${usage}`);
    return parsed.exit;
  }
  const read = await readRegistrationJson(parsed.json);
  if (!read.ok) {
    io.stderr.write(`form render: ${read.message}\n`);
    return 2;
  }
  const loaded =
    parsed.template === null
      ? await loadDeclarationTemplate(null)
      : await loadDeclarationTemplateFile(parsed.template);
  if (loaded.problem !== null) {
    io.stderr.write(
      `form render: mẫu tờ khai không dùng được, in theo mẫu mặc định / template rejected, using the default ` +
        `(${loaded.problem.code}, ${loaded.problem.path}):\n${loaded.problem.issues.map((issue) => `  ${issue}\n`).join('')}`,
    );
  }
  const registration = read.value as Registration;
  const officeCode = typeof registration?.officeCode === 'string' ? registration.officeCode : '';
  const office = bhxhOffice(officeCode);
  const input: DeclarationInput = {
    registration,
    office,
    printedAt: parsed.printedAt,
    summaryLanguage: parsed.summary,
    training: parsed.training,
    paperSize: parsed.paper,
  };
  let rendered: { pdf: Buffer; pages: number };
  try {
    rendered = await renderDeclarationDocument(input, loaded.template);
  } catch (error) {
    if (!(error instanceof DeclarationRenderError)) throw error;
    io.stderr.write(
      `form render: hồ sơ đăng ký không hợp lệ / invalid registration (${error.code}):\n` +
        error.issues.map((issue) => `  ${issue}\n`).join(''),
    );
    return 2;
  }
  try {
    await writeFile(parsed.out, rendered.pdf);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    io.stderr.write(`form render: không ghi được / cannot write ${parsed.out} (${reason})\n`);
    return 1;
  }
  const line = {
    ok: true,
    out: parsed.out,
    bytes: rendered.pdf.length,
    pages: rendered.pages,
    template: describeTemplate(loaded),
  };
  await writeWithBackpressure(io.stdout, `${JSON.stringify(line)}\n`);
  return 0;
};

// The command line: `npm run -s cli -- <group> <command> [args]`. Each command lives in its own
// module, loaded only when asked for, so `id parse` does not pay for SQLite or HTTP start-up.
import type { CliCommandModule, CliIo } from './cli/cli-command.ts';
import { useVietnameseZodMessages } from '../core/validation/vietnamese-zod-messages.ts';

const commands: Record<string, { summary: string; load: () => Promise<CliCommandModule> }> = {
  'id parse': {
    summary: 'id parse <payload> | - | --batch   parse an ID/BHYT card QR payload to canonical JSON',
    load: () => import('./cli/id-parse-command.ts'),
  },
  'id decode-image': {
    summary:
      'id decode-image [--today YYYY-MM-DD] FILE...   read ID/BHYT card QR codes in PNG/JPEG images, one JSON line each',
    load: () => import('./cli/id-decode-image-command.ts'),
  },
  'scan hid-decode': {
    summary:
      'scan hid-decode [--layout auto|honeywell|zebra|plain] [--today YYYY-MM-DD] < FILE   HID-POS reports (hex, one per line) to scans + canonical JSON',
    load: () => import('./cli/scan-hid-decode-command.ts'),
  },
  'form render': {
    summary:
      'form render --json REGISTRATION.json --out FILE.pdf [--summary en|zh|ko|ja] [--training] [--printed-at ISO] [--template FILE]   the 01/ĐK-GD declaration PDF',
    load: () => import('./cli/form-render-command.ts'),
  },
  'store backup': {
    summary: 'store backup --db FILE --dir DIR   online backup now (bhxh-YYYY-MM-DD.sqlite), keep the last 7',
    load: () => import('./cli/store-backup-command.ts'),
  },
  'store restore': {
    summary:
      'store restore --backup FILE --db FILE   verify a backup, move the current database aside, restore',
    load: () => import('./cli/store-restore-command.ts'),
  },
  'store check': {
    summary: 'store check --db FILE   integrity_check; exit 0 when sound, 1 otherwise',
    load: () => import('./cli/store-check-command.ts'),
  },
  'audit verify': {
    summary:
      "audit verify --data-dir DIR   recompute the audit trail's hash chain (read-only); exit 0 intact, 1 broken",
    load: () => import('./cli/audit-verify-command.ts'),
  },
  'report daily': {
    summary:
      "report daily --data-dir DIR --date YYYY-MM-DD --format csv|xlsx|pdf --out FILE [--language vi|en|zh|ko|ja]   the day's report (read-only)",
    load: () => import('./cli/report-daily-command.ts'),
  },
  'central serve': {
    summary:
      'central serve [--port N] [--db FILE] [--seed COUNT] [--log yes]   run the reference central service',
    load: () => import('../../central/cli/serve-command.ts'),
  },
  'central enroll-code': {
    summary: 'central enroll-code --db FILE --office CODE   print a one-time device enrollment code',
    load: () => import('../../central/cli/enroll-code-command.ts'),
  },
  'central revoke': {
    summary: 'central revoke --db FILE --device ID   revoke a device token',
    load: () => import('../../central/cli/revoke-command.ts'),
  },
  'central devices': {
    summary:
      'central devices --db FILE [--office CODE]   enrolled devices and their audit-chain check (exit 1 on a mismatch)',
    load: () => import('../../central/cli/devices-command.ts'),
  },
};

function usage(): string {
  const lines = Object.values(commands).map((command) => `  ${command.summary}`);
  return `Cách dùng / usage: npm run -s cli -- <lệnh>\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const key = argv.slice(0, 2).join(' ');
  const command = commands[key];
  if (!command) {
    io.stderr.write(usage());
    return argv.length === 0 || argv[0] === '--help' ? 0 : 64;
  }
  const module = await command.load();
  return module.run(argv.slice(2), io);
}

if (import.meta.main) {
  useVietnameseZodMessages();
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 70;
    },
  );
}

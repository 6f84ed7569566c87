// The command as users run it: a real process, real standard streams, real exit codes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cccd = '060067086171|186059021|Nguyễn Thành Tuấn|26061967|Nam|Tiền Giang|12062021';

function cli(args: string[], input = '') {
  const child = spawnSync(process.execPath, ['main/host/cli.ts', 'id', 'parse', ...args], {
    cwd: repositoryRoot,
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: child.status, lines: child.stdout.split('\n').filter(Boolean), stderr: child.stderr };
}

describe('node main/host/cli.ts id parse', () => {
  it('exits 0 and prints the canonical JSON for a card', () => {
    const { status, lines } = cli([cccd]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      ok: true,
      kind: 'cccd',
      fields: { fullName: 'Nguyễn Thành Tuấn' },
    });
  });

  it('exits 2 for something that is not a card', () => {
    const { status, lines } = cli(['hello']);
    expect(status).toBe(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ok: false, error: { code: 'not-an-id-payload' } });
  });

  it('reads standard input with "-"', () => {
    expect(cli(['-'], `${cccd}\n`).status).toBe(0);
    expect(cli(['-'], 'x'.repeat(100_000)).status).toBe(2);
  });

  it('answers a batch line by line', () => {
    const { status, lines } = cli(['--batch'], `${JSON.stringify(cccd)}\n[1]\n${JSON.stringify(cccd)}\n`);
    expect(status).toBe(2);
    expect(lines.map((line) => JSON.parse(line).ok)).toEqual([true, false, true]);
  });
});

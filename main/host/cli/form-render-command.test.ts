import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { run } from './form-render-command.ts';

class Collector extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function cli(args: string[]) {
  const stdout = new Collector();
  const stderr = new Collector();
  const code = await run(args, { stdin: Readable.from([]), stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const fixture = path.resolve(
  import.meta.dirname,
  '../../../tests/fixtures/registrations/child-with-guardian.json',
);
const directory = makeTemporaryDirectory('form-render');
afterAll(() => directory.remove());
const file = (name: string) => path.join(directory.path, name);

describe('form render command', () => {
  it('writes the PDF and prints one JSON line', async () => {
    const out = file('child.pdf');
    const { code, stdout, stderr } = await cli([
      '--json',
      fixture,
      '--out',
      out,
      '--printed-at',
      '2026-11-21T02:30:00Z',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] as string);
    expect(result).toMatchObject({
      ok: true,
      out,
      pages: 1,
      template: { source: 'default', revision: '2026-12', problem: null },
    });
    const pdf = readFileSync(out);
    expect(result.bytes).toBe(pdf.length);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('adds the summary page and accepts --training and --option=value', async () => {
    const out = file('summary.pdf');
    const { code, stdout } = await cli(['--json', fixture, `--out=${out}`, '--summary', 'zh', '--training']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pages).toBe(2);
  });

  it('exits 2 with a bilingual message when --out or --json is missing', async () => {
    const noOut = await cli(['--json', fixture]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('thiếu --out FILE.pdf / missing --out FILE.pdf');
    const noJson = await cli(['--out', file('x.pdf')]);
    expect(noJson.code).toBe(2);
    expect(noJson.stderr).toContain('missing --json');
  });

  it('exits 2 for a missing file, bad JSON, and a registration failing its schema (listing fields)', async () => {
    const missing = await cli(['--json', file('nope.json'), '--out', file('x.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/không đọc được tệp \/ cannot read .*nope\.json \(ENOENT\)/);
    writeFileSync(file('bad.json'), '{"code": ');
    const bad = await cli(['--json', file('bad.json'), '--out', file('x.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('không phải JSON hợp lệ / is not valid JSON');
    const registration = JSON.parse(readFileSync(fixture, 'utf8'));
    writeFileSync(
      file('invalid.json'),
      JSON.stringify({ ...registration, socialInsuranceNumber: '12', sex: 'x' }),
    );
    const invalid = await cli(['--json', file('invalid.json'), '--out', file('x.pdf')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('hồ sơ đăng ký không hợp lệ / invalid registration');
    expect(invalid.stderr).toMatch(/socialInsuranceNumber/);
    expect(invalid.stderr).toMatch(/\n {2}sex:/);
    expect(existsSync(file('x.pdf'))).toBe(false);
  });

  it('exits 2 for a bad --summary or --printed-at, and 64 for an unknown option', async () => {
    expect((await cli(['--json', fixture, '--out', file('x.pdf'), '--summary', 'fr'])).code).toBe(2);
    expect((await cli(['--json', fixture, '--out', file('x.pdf'), '--printed-at', 'yesterday'])).code).toBe(
      2,
    );
    expect((await cli(['--json', fixture, '--out', file('x.pdf'), '--colour'])).code).toBe(64);
  });

  it('reports a broken --template and prints with the default', async () => {
    writeFileSync(file('template.json'), JSON.stringify({ formatVersion: 9 }));
    const out = file('fallback.pdf');
    const { code, stdout, stderr } = await cli([
      '--json',
      fixture,
      '--out',
      out,
      '--template',
      file('template.json'),
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('form-template-invalid');
    expect(stderr).toContain('formatVersion 9');
    expect(JSON.parse(stdout).template).toEqual({
      source: 'default',
      revision: '2026-12',
      problem: 'form-template-invalid',
    });
    expect(existsSync(out)).toBe(true);
  });

  it('exits 1 when the PDF cannot be written', async () => {
    const { code, stderr } = await cli([
      '--json',
      fixture,
      '--out',
      path.join(directory.path, 'no', 'such', 'dir.pdf'),
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot write');
  });
});

import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import defaultJson from '../../../resources/forms/declaration-01-dk-gd.v1.json' with { type: 'json' };
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { checkTemplateLayout } from './declaration-layout.ts';
import { declarationFieldIds, summaryLanguages } from './declaration-template-schema.ts';
import {
  defaultDeclarationTemplate,
  loadDeclarationTemplate,
  templateOverrideRelativePath,
  validateDeclarationTemplate,
} from './load-declaration-template.ts';

const directory = makeTemporaryDirectory('declaration-template');
afterAll(() => directory.remove());

function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

const clone = () => structuredClone(defaultJson) as Record<string, unknown> & typeof defaultJson;

function dataDirectoryWith(name: string, content: string): string {
  const data = path.join(directory.path, name);
  mkdirSync(path.join(data, 'forms'), { recursive: true });
  writeFileSync(path.join(data, templateOverrideRelativePath), content);
  return data;
}

describe('the default declaration template', () => {
  it('passes its schema and the layout check', () => {
    expect(validateDeclarationTemplate(defaultJson)).toMatchObject({ ok: true });
    expect(checkTemplateLayout(defaultDeclarationTemplate)).toEqual([]);
    expect(defaultDeclarationTemplate.templateId).toBe('01/ĐK-GD');
  });

  it('has every summary key in every language, and a label for every field', () => {
    const reference = keyPaths(defaultJson.summary.en).sort();
    for (const language of summaryLanguages) {
      expect(keyPaths(defaultJson.summary[language]).sort(), language).toEqual(reference);
      expect(Object.keys(defaultJson.summary[language].labels).sort()).toEqual(
        [...declarationFieldIds].sort(),
      );
      expect(defaultJson.summary[language].nextSteps.length).toBe(defaultJson.summary.en.nextSteps.length);
    }
  });
});

describe('validateDeclarationTemplate', () => {
  it('refers to an unknown formatVersion by number', () => {
    const result = validateDeclarationTemplate({ ...clone(), formatVersion: 7 });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.issues[0]).toContain('formatVersion 7');
  });

  it('names the missing summary key and the language', () => {
    const template = clone();
    delete (template.summary.ko as Partial<typeof template.summary.ko>).qrCaption;
    const result = validateDeclarationTemplate(template);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.join('\n')).toContain('summary.ko.qrCaption');
  });

  it('rejects a layout that cannot fit one A4 page in the worst case', () => {
    const template = clone();
    template.fontSize.body = 16;
    const result = validateDeclarationTemplate(template);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.join('\n')).toMatch(/không vừa một trang A4/);
  });

  it('rejects a template that drops a field or prints a guardian field for everyone', () => {
    const template = clone();
    const contact = template.sections[1]!;
    contact.rows = contact.rows.filter((row) => row.cells[0]?.field !== 'email');
    template.sections[0]!.rows.push({ cells: [{ field: 'guardianIdNumber', label: 'x' }], maxLines: 1 });
    const guardian = template.sections[2]!;
    guardian.rows = guardian.rows.filter((row) => row.cells[0]?.field !== 'guardianIdNumber');
    const result = validateDeclarationTemplate(template);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.join('\n')).toContain('Thiếu trường "email"');
      expect(result.issues.join('\n')).toContain('"guardianIdNumber"');
    }
  });
});

describe('loadDeclarationTemplate', () => {
  it('uses the default without a data directory or without a replacement', async () => {
    expect(await loadDeclarationTemplate(null)).toMatchObject({
      source: 'default',
      revision: '2026-12',
      problem: null,
    });
    const empty = path.join(directory.path, 'empty');
    mkdirSync(empty);
    expect(await loadDeclarationTemplate(empty)).toMatchObject({ source: 'default', problem: null });
  });

  it("uses an administrator's sound replacement", async () => {
    const template = clone();
    template.revision = '2027-03';
    template.commitment = 'Tôi cam đoan nội dung trên là đúng.';
    const data = dataDirectoryWith('override', JSON.stringify(template));
    const loaded = await loadDeclarationTemplate(data);
    expect(loaded).toMatchObject({ source: 'override', revision: '2027-03', problem: null });
    expect(loaded.template.commitment).toBe('Tôi cam đoan nội dung trên là đúng.');
  });

  it('falls back with form-template-invalid for broken JSON and for a schema failure', async () => {
    const broken = await loadDeclarationTemplate(dataDirectoryWith('broken', '{"formatVersion": 1,'));
    expect(broken).toMatchObject({
      source: 'default',
      revision: '2026-12',
      problem: { code: 'form-template-invalid' },
    });
    expect(broken.problem?.issues[0]).toMatch(/JSON/);
    expect(broken.problem?.path).toContain('declaration-01-dk-gd.json');
    const wrong = await loadDeclarationTemplate(
      dataDirectoryWith('wrong', JSON.stringify({ ...clone(), title: [] })),
    );
    expect(wrong.problem?.code).toBe('form-template-invalid');
    expect(wrong.problem?.issues.join('\n')).toContain('title');
  });

  it('falls back with form-template-unreadable when the path is not a readable file', async () => {
    const data = path.join(directory.path, 'folder');
    mkdirSync(path.join(data, templateOverrideRelativePath), { recursive: true });
    const loaded = await loadDeclarationTemplate(data);
    expect(loaded).toMatchObject({ source: 'default', problem: { code: 'form-template-unreadable' } });
  });

  it('re-reads only when the file changes', async () => {
    const template = clone();
    template.revision = 'r1';
    const data = dataDirectoryWith('cached', JSON.stringify(template));
    const file = path.join(data, templateOverrideRelativePath);
    const first = await loadDeclarationTemplate(data);
    expect(await loadDeclarationTemplate(data)).toBe(first);
    template.revision = 'r2';
    writeFileSync(file, JSON.stringify(template));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect((await loadDeclarationTemplate(data)).revision).toBe('r2');
  });
});

// The declaration template in force: an administrator's replacement in
// <data directory>/forms/declaration-01-dk-gd.json when there is one and it is sound, otherwise
// the default that ships (resources/forms). A broken replacement must not stop a kiosk from
// printing: it yields the default plus a problem the administrator screen and the log show, in
// Vietnamese. The result is cached by the file's modification time and size, so a print does not
// re-read and re-validate the file, yet an edited file takes effect at the next print.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import defaultTemplateJson from '../../../resources/forms/declaration-01-dk-gd.v1.json' with { type: 'json' };
import { checkTemplateLayout } from './declaration-layout.ts';
import {
  declarationTemplateSchema,
  supportedTemplateFormatVersions,
  type DeclarationTemplate,
} from './declaration-template-schema.ts';

/** Where an administrator's replacement lives, relative to the data directory. */
export const templateOverrideRelativePath = path.join('forms', 'declaration-01-dk-gd.json');

export type TemplateProblemCode = 'form-template-invalid' | 'form-template-unreadable';

export interface TemplateProblem {
  code: TemplateProblemCode;
  path: string;
  /** Human-readable, in Vietnamese. */
  issues: string[];
}

export interface LoadedDeclarationTemplate {
  template: DeclarationTemplate;
  source: 'default' | 'override';
  revision: string;
  problem: TemplateProblem | null;
}

/** The default as shipped; validated once, since a broken default is a build error, not a kiosk's. */
export const defaultDeclarationTemplate: DeclarationTemplate = (() => {
  const parsed = declarationTemplateSchema.parse(defaultTemplateJson);
  const issues = checkTemplateLayout(parsed);
  if (issues.length > 0) throw new Error(`default declaration template: ${issues.join(' ')}`);
  return parsed;
})();

const usingDefault = (problem: TemplateProblem | null): LoadedDeclarationTemplate => ({
  template: defaultDeclarationTemplate,
  source: 'default',
  revision: defaultDeclarationTemplate.revision,
  problem,
});

/** A zod issue as one line: where in the file, and what. */
function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(gốc tệp)';
  return `${where}: ${issue.message}`;
}

/** Validates a template read from a file; the issues are empty when it can be used. */
export function validateDeclarationTemplate(
  value: unknown,
): { ok: true; template: DeclarationTemplate } | { ok: false; issues: string[] } {
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (
    typeof version === 'number' &&
    !(supportedTemplateFormatVersions as readonly number[]).includes(version)
  ) {
    return {
      ok: false,
      issues: [
        `formatVersion ${version} không được hỗ trợ (phiên bản này đọc được: ${supportedTemplateFormatVersions.join(', ')}).`,
      ],
    };
  }
  const parsed = declarationTemplateSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(describeIssue) };
  const issues = checkTemplateLayout(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, template: parsed.data };
}

/** Reads and validates one template file; never throws. */
export async function loadDeclarationTemplateFile(file: string): Promise<LoadedDeclarationTemplate> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return usingDefault({
      code: 'form-template-unreadable',
      path: file,
      issues: [`Không đọc được tệp (${reason}).`],
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return usingDefault({
      code: 'form-template-invalid',
      path: file,
      issues: [`Tệp không phải JSON hợp lệ: ${detail}`],
    });
  }
  const validated = validateDeclarationTemplate(json);
  if (!validated.ok)
    return usingDefault({ code: 'form-template-invalid', path: file, issues: validated.issues });
  return {
    template: validated.template,
    source: 'override',
    revision: validated.template.revision,
    problem: null,
  };
}

const cache = new Map<string, { stamp: string; loaded: LoadedDeclarationTemplate }>();

/**
 * The template to print with. `dataDirectory` null (tests, the command line without a data
 * directory) means the default. Never throws for a bad replacement: see `problem`.
 */
export async function loadDeclarationTemplate(
  dataDirectory: string | null,
): Promise<LoadedDeclarationTemplate> {
  if (dataDirectory === null) return usingDefault(null);
  const file = path.join(dataDirectory, templateOverrideRelativePath);
  let stamp: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) {
      return usingDefault({
        code: 'form-template-unreadable',
        path: file,
        issues: ['Đường dẫn không phải một tệp.'],
      });
    }
    stamp = `${info.mtimeMs}:${info.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return usingDefault(null);
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return usingDefault({
      code: 'form-template-unreadable',
      path: file,
      issues: [`Không đọc được tệp (${reason}).`],
    });
  }
  const cached = cache.get(file);
  if (cached && cached.stamp === stamp) return cached.loaded;
  const loaded = await loadDeclarationTemplateFile(file);
  cache.set(file, { stamp, loaded });
  return loaded;
}

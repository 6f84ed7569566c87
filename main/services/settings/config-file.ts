import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../preload/contract/settings-schema.ts';
import { describeZodIssues, zodIssueList } from '../../core/validation/describe-zod-issues.ts';
import { AppError } from '../app-error.ts';
import { atomicWriteFile } from './atomic-write-file.ts';

export const configFileName = 'config.json';

export function configFilePath(dataDirectory: string): string {
  return path.join(dataDirectory, configFileName);
}

/**
 * Reads config.json from the data directory. A missing file means a fresh install: the defaults are
 * written so an administrator can find and edit them. A file that is not valid is reported with the
 * exact field at fault and is never overwritten, so an administrator's edit is not lost.
 */
export async function loadSettings(dataDirectory: string): Promise<Settings> {
  const file = configFilePath(dataDirectory);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new AppError('config-invalid', `Không đọc được tệp cấu hình ${file}.`, {
        cause: error,
        details: { file, issues: [] },
      });
    }
    const defaults = settingsSchema.parse({});
    await saveSettings(dataDirectory, defaults);
    return defaults;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('config-invalid', `Tệp cấu hình ${file} không phải JSON hợp lệ.`, {
      cause: error,
      details: { file, issues: [{ path: '(gốc)', message: (error as Error).message, code: 'invalid_json' }] },
    });
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'config-invalid',
      `Tệp cấu hình ${file} không hợp lệ: ${describeZodIssues(parsed.error)}.`,
      {
        details: { file, issues: zodIssueList(parsed.error) },
      },
    );
  }
  return parsed.data;
}

export async function saveSettings(dataDirectory: string, settings: Settings): Promise<void> {
  const valid = settingsSchema.parse(settings);
  try {
    await mkdir(dataDirectory, { recursive: true });
    await atomicWriteFile(configFilePath(dataDirectory), `${JSON.stringify(valid, null, 2)}\n`);
  } catch (error) {
    throw new AppError('config-write-failed', `Không ghi được tệp cấu hình vào ${dataDirectory}.`, {
      cause: error,
    });
  }
}

/** Applies a validated patch; nested groups (scanner, printer) are merged field by field. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return settingsSchema.parse({
    ...current,
    ...patch,
    scanner: { ...current.scanner, ...patch.scanner },
    printer: { ...current.printer, ...patch.printer },
    security: { ...current.security, ...patch.security },
    kiosk: { ...current.kiosk, ...patch.kiosk },
    reports: {
      endOfDayExport: { ...current.reports.endOfDayExport, ...patch.reports?.endOfDayExport },
    },
  });
}

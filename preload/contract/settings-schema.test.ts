import { describe, expect, it } from 'vitest';
import { settingsPatchSchema, settingsSchema } from './settings-schema.ts';

// The end-of-day folder must be absolute: a relative one resolves against the folder the app was
// started from. Checked in both shapes settings arrive in (config.json, and `settings.set`).

const inConfig = (folder: string) =>
  settingsSchema.safeParse({ reports: { endOfDayExport: { enabled: true, folder } } });
const inPatch = (folder: string) =>
  settingsPatchSchema.safeParse({ reports: { endOfDayExport: { folder } } });

describe('the end-of-day folder', () => {
  it.each(['/srv/baocao', '/', 'D:\\BaoCao', 'd:/BaoCao/2026', 'C:\\', '\\\\may-chu\\chia-se\\bao-cao'])(
    'takes the absolute folder %s',
    (folder) => {
      expect(inConfig(folder).success).toBe(true);
      expect(inPatch(folder).success).toBe(true);
    },
  );

  it.each(['BaoCao', './bao-cao', '../bao-cao', 'C:BaoCao', '~/bao-cao', '\\\\may-chu', 'D', ' /srv/baocao'])(
    'refuses the relative folder %s, in Vietnamese',
    (folder) => {
      for (const parsed of [inConfig(folder), inPatch(folder)]) {
        expect(parsed.success).toBe(false);
        const issue = parsed.error?.issues[0];
        expect(issue?.path.join('.')).toBe('reports.endOfDayExport.folder');
        expect(issue?.message).toBe('thư mục phải là đường dẫn đầy đủ, ví dụ D:\\BaoCao hoặc /srv/baocao');
      }
    },
  );

  it('still means "no folder" with null', () => {
    expect(inPatch(null as unknown as string).success).toBe(true);
  });
});

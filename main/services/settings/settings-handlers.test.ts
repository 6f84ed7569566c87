import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../preload/contract/settings-schema.ts';
import { makeTemporaryDirectory } from '../../../tests/support/temporary-directory.ts';
import { listAudit } from '../../store/audit-log.ts';
import { openTestStore } from '../../store/store-test-helpers.ts';
import type { Store } from '../../store/store.ts';
import type { CallContext, SignedInStaff } from '../operation-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import { SettingsService } from './settings-service.ts';

// settings.set writes one audit entry per change: the fields it touched, and the end-of-day folder's
// new value (files with the office's figures go there), but no other value.

let data: ReturnType<typeof makeTemporaryDirectory>;
let store: Store;
let handlers: ReturnType<typeof settingsHandlers>;

const admin: CallContext<SignedInStaff> = {
  caller: { mode: 'counter', enrolled: true, session: { role: 'admin', locked: false, pinRequired: false } },
  session: { staffId: 'qt-07921', fullName: 'Quản trị', role: 'admin' },
} as CallContext<SignedInStaff>;

beforeEach(() => {
  data = makeTemporaryDirectory('settings-handlers');
  store = openTestStore(path.join(data.path, 'store.sqlite'));
  handlers = settingsHandlers({
    settings: new SettingsService(data.path, settingsSchema.parse({})),
    store,
    display: () => {
      throw new Error('not needed');
    },
    applied: async () => {},
  });
});
afterEach(() => {
  store.close();
  data.remove();
});

const lastChange = () => listAudit(store, { limit: 1 })[0];

describe('settings.set', () => {
  it('audits the end-of-day folder with its new value, and the fields touched', async () => {
    await handlers['settings.set'](
      { patch: { reports: { endOfDayExport: { enabled: true, folder: 'D:\\BaoCao', time: '18:00' } } } },
      admin,
    );
    expect(lastChange()).toMatchObject({
      actor: 'qt-07921',
      action: 'settings.changed',
      subject: 'config.json',
      details: {
        fields: [
          'reports.endOfDayExport.enabled',
          'reports.endOfDayExport.folder',
          'reports.endOfDayExport.time',
        ],
        endOfDayFolder: 'D:\\BaoCao',
      },
    });
    await handlers['settings.set'](
      { patch: { reports: { endOfDayExport: { enabled: false, folder: null } } } },
      admin,
    );
    expect(lastChange()?.details).toEqual({
      fields: ['reports.endOfDayExport.enabled', 'reports.endOfDayExport.folder'],
      endOfDayFolder: null,
    });
  });

  it('keeps the values of other fields out of the entry', async () => {
    await handlers['settings.set'](
      {
        patch: {
          counterId: 'QUAY-09',
          scanner: { wedgeMinLength: 20, hidPosDevices: [{ vendorId: 1, productId: 2 }] },
        },
      },
      admin,
    );
    expect(lastChange()?.details).toEqual({
      fields: ['counterId', 'scanner.wedgeMinLength', 'scanner.hidPosDevices'],
    });
    expect(JSON.stringify(lastChange()?.details)).not.toContain('QUAY-09');
  });
});

import { z } from 'zod';
import { administrators, appModes, everyone } from '../access.ts';
import type { EventTable, OperationTable } from '../operation-definition.ts';
import { settingsPatchSchema, settingsSchema, uiLanguages } from '../settings-schema.ts';

// The counter's configuration. Every page needs a few facts to draw the right screen before anyone
// signs in (mode, language, scanner timing, idle lock); those are `settings.display`, public, and
// pushed again as `settings.changed` whenever they change, so no screen needs a reload. The whole
// configuration (central URL, printers…) is for administrators only.

export const displaySettingsSchema = z.object({
  mode: z.enum(appModes),
  language: z.enum(uiLanguages),
  officeCode: z.string(),
  counterId: z.string(),
  trainingMode: z.boolean(),
  /** False until this PC has enrolled with the central service (its first set-up screen). */
  enrolled: z.boolean(),
  scanner: z.object({
    wedgeMaxKeyIntervalMs: z.number(),
    wedgeMinLength: z.number(),
    wedgeIdleEndMs: z.number(),
    cameraDeviceId: z.string().nullable(),
    /** Play a tone on each scan (renderer/sound). */
    soundCues: z.boolean(),
  }),
  idleLockMinutes: z.number(),
});

export type DisplaySettings = z.infer<typeof displaySettingsSchema>;

const noArguments = z.object({}).strict();

export const settingsOperations = {
  'settings.display': { args: noArguments, result: displaySettingsSchema, errors: [], access: everyone },
  'settings.get': {
    args: noArguments,
    result: settingsSchema,
    errors: [],
    access: { counter: administrators },
  },
  'settings.set': {
    args: z.object({ patch: settingsPatchSchema }).strict(),
    result: settingsSchema,
    errors: ['config-write-failed'],
    access: { counter: administrators },
  },
} as const satisfies OperationTable;

export const settingsEvents = {
  'settings.changed': { payload: displaySettingsSchema, access: everyone },
} as const satisfies EventTable;

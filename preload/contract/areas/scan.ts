import { z } from 'zod';
import { idParseResultSchema } from '../../../main/core/id-card/id-parse-result-schema.ts';
import { anyStaff } from '../access.ts';
import type { EventTable, OperationTable } from '../operation-definition.ts';

// Card scans. What a card holds is personal data: on a counter PC only signed-in staff read it; at a
// kiosk it is the citizen's own card.

/** The longest text a scanner can plausibly deliver; the ID parser itself refuses > 4 KB. */
export const maxScanPayloadChars = 8192;

export const scanEventSchema = z.object({
  /** Where the text came from; keyboard-wedge scans are detected in the renderer and never sent as events. */
  source: z.enum(['hid-pos', 'serial', 'camera', 'test']),
  payload: z.string(),
  receivedAt: z.string(),
});

const cardReaders = { counter: anyStaff, kiosk: ['public'] } as const;

export const scanOperations = {
  'id.parse': {
    args: z.object({ payload: z.string().max(maxScanPayloadChars) }).strict(),
    result: idParseResultSchema,
    errors: [],
    access: cardReaders,
  },
} as const satisfies OperationTable;

export const scanEvents = {
  scan: { payload: scanEventSchema, access: cardReaders },
} as const satisfies EventTable;

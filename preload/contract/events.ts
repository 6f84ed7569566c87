import { z } from 'zod';
import { syncStatusSchema } from './sync-schema.ts';

// Events pushed from the backend to the renderer (WebSocket in browser mode, IPC in Electron).

export const scanEventSchema = z.object({
  /** Where the text came from; keyboard-wedge scans are detected in the renderer and never sent as events. */
  source: z.enum(['hid-pos', 'serial', 'camera', 'test']),
  payload: z.string(),
  receivedAt: z.string(),
});

export const events = {
  scan: scanEventSchema,
  'sync.status': syncStatusSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;

/** A discriminated union: checking `name` narrows `payload`. */
export type BackendEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

export const eventEnvelopeSchema = z.object({ name: z.string(), payload: z.unknown() });

/** Validates an event envelope that crossed a process or network boundary. */
export function parseBackendEvent(raw: unknown): BackendEvent | null {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(events, envelope.data.name)) return null;
  const name = envelope.data.name as EventName;
  const payload = events[name].safeParse(envelope.data.payload);
  return payload.success ? ({ name, payload: payload.data } as BackendEvent) : null;
}

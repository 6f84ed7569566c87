import { z } from 'zod';
import { printEvents } from './areas/print.ts';
import { scanEvents } from './areas/scan.ts';
import { sessionEvents } from './areas/session.ts';
import { settingsEvents } from './areas/settings.ts';
import { syncEvents } from './areas/sync.ts';
import type { EventDefinition } from './operation-definition.ts';

// Events pushed from the backend to the renderer (WebSocket in browser mode, IPC in Electron), one
// table per area like the operations. Each declares who may receive it; the backend checks that
// against the caller when it emits, so a scan never reaches a counter page nobody is signed in to.

export const events = {
  ...printEvents,
  ...scanEvents,
  ...sessionEvents,
  ...settingsEvents,
  ...syncEvents,
} as const satisfies Record<string, EventDefinition>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]['payload']>;

/** A discriminated union: checking `name` narrows `payload`. */
export type BackendEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

export const eventEnvelopeSchema = z.object({ name: z.string(), payload: z.unknown() });

/** Validates an event envelope that crossed a process or network boundary. */
export function parseBackendEvent(raw: unknown): BackendEvent | null {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(events, envelope.data.name)) return null;
  const name = envelope.data.name as EventName;
  const payload = events[name].payload.safeParse(envelope.data.payload);
  return payload.success ? ({ name, payload: payload.data } as BackendEvent) : null;
}

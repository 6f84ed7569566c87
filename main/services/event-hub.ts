import type { BackendEvent, EventName, EventPayload } from '../../preload/contract/events.ts';

export type EventListener = (event: BackendEvent) => void;

/** Fan-out of backend events to whichever shell is attached (IPC bridge or WebSocket clients). */
export class EventHub {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.#listeners) {
      try {
        listener({ name, payload } as BackendEvent);
      } catch (error) {
        // One broken subscriber (e.g. a closed socket) must not stop the others.
        console.error('event listener failed', error);
      }
    }
  }
}

import { randomUUID } from 'node:crypto';
import type { KioskLanguage } from '../../../preload/contract/areas/kiosk.ts';

// The one citizen in front of the kiosk. Nobody signs in at a kiosk, so the visit is what bounds a
// caller: its submission and the prints of that submission are the only personal data a kiosk page
// can reach. The page ends the visit (start over, its idle timer); the backend also forgets a visit
// nobody touched for longer than the page's idle timeout and a grace, so a page that crashed or was
// closed never leaves a visit open for the next person.

export interface KioskVisit {
  readonly visitId: string;
  readonly language: KioskLanguage;
  /** The local reference of the visit's submission, once it was submitted. */
  submission: string | null;
}

export class KioskVisits {
  #visit: KioskVisit | null = null;
  #lastTouched = 0;
  readonly #now: () => Date;
  readonly #lifetimeMs: () => number;

  constructor(options: { now: () => Date; lifetimeMs: () => number }) {
    this.#now = options.now;
    this.#lifetimeMs = options.lifetimeMs;
  }

  /** A new visit; the one before it (if any) is forgotten. */
  begin(language: KioskLanguage): KioskVisit {
    this.#visit = { visitId: randomUUID(), language, submission: null };
    this.#lastTouched = this.#now().getTime();
    return this.#visit;
  }

  end(): void {
    this.#visit = null;
  }

  /** The open visit (and it counts as touched), or null when there is none or it lapsed. */
  current(): KioskVisit | null {
    const now = this.#now().getTime();
    if (this.#visit !== null && now - this.#lastTouched > this.#lifetimeMs()) this.#visit = null;
    if (this.#visit !== null) this.#lastTouched = now;
    return this.#visit;
  }
}

import { z } from 'zod';

/**
 * zod's own messages in Vietnamese (its bundled `vi` locale), for every message the backend writes
 * about a value that failed its schema: the people who read them (an administrator fixing
 * config.json, a log) read Vietnamese. Messages written in the schemas themselves are already
 * Vietnamese. Called once by each entry point (backend, CLI); it sets zod's global configuration.
 */
export function useVietnameseZodMessages(): void {
  z.config(z.locales.vi());
}

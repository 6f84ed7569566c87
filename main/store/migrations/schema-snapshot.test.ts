import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';

// The whole schema of a freshly migrated database, compared with the committed schema.snapshot.sql.
// A schema change therefore shows up in review as a diff of that file (update it with
// `npx vitest run main/store -u` once the change is deliberate).
describe('schema snapshot', () => {
  it('matches the committed snapshot', async () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:');
    const rows = db
      .prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`)
      .all() as Array<{ type: string; name: string; sql: string }>;
    const version = db.pragma('user_version', { simple: true }) as number;
    db.close();
    const text = [`-- user_version ${version}`, ...rows.map((row) => `${row.sql};`)].join('\n\n') + '\n';
    await expect(text).toMatchFileSnapshot('./schema.snapshot.sql');
  });
});

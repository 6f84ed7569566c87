import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh folder for one test's data; tests never touch a real data directory. */
export function makeTemporaryDirectory(label: string): { path: string; remove: () => void } {
  const directory = mkdtempSync(path.join(tmpdir(), `bhxh-${label}-`));
  return { path: directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

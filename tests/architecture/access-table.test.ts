import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessTableMarkdown, documentPath, tableInDocument } from '../../scripts/access-table.ts';

describe('docs/architecture.md', () => {
  it('shows the access table the contract declares (node scripts/access-table.ts --write)', () => {
    expect(tableInDocument(readFileSync(documentPath, 'utf8'))).toBe(accessTableMarkdown());
  });
});

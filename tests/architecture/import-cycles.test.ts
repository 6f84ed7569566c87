// No import cycles among the first-party files (type-only imports count: the goal is a dependency
// graph without cycles, so every module can be understood, tested and moved from the bottom up).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, findCycles, readImportGraph } from './import-graph.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

const graphOf = (files: Record<string, string>) => buildImportGraph(new Map(Object.entries(files)));

describe('import cycles', () => {
  it('there are none among the files of main/, preload/, renderer/, central/, scripts/ and tests/', () => {
    const graph = readImportGraph(root);
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('main/host/cli.ts')).toContain('main/host/cli/cli-command.ts');
    const cycles = findCycles(graph).map((cycle) => cycle.join(' → '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('are found through type-only imports, re-exports, import() and import types', () => {
    const graph = graphOf({
      'main/a.ts': "import type { B } from './b.ts';",
      'main/b.ts': "export { a } from './a.ts';",
      'main/c.ts': "const d = await import('./sub/d.ts');",
      'main/sub/d.ts': "type C = import('../c.ts').C;",
      'main/e.ts': "import { e } from './e.ts';",
      'main/f.ts': "import './a.ts';\nimport { z } from 'zod';\n// import { f } from './f.ts';",
    });
    expect(findCycles(graph)).toEqual([
      ['main/a.ts', 'main/b.ts', 'main/a.ts'],
      ['main/c.ts', 'main/sub/d.ts', 'main/c.ts'],
      ['main/e.ts', 'main/e.ts'],
    ]);
  });

  it('lists the distinct cycles of a tangle, each from its first file', () => {
    const graph = graphOf({
      'x/a.ts': "import './b.ts';\nimport './c.ts';",
      'x/b.ts': "import './a.ts';",
      'x/c.ts': "import './a.ts';",
      'x/d.ts': "import './a.ts';",
    });
    expect(findCycles(graph)).toEqual([
      ['x/a.ts', 'x/b.ts', 'x/a.ts'],
      ['x/a.ts', 'x/c.ts', 'x/a.ts'],
    ]);
  });

  it('resolves extension-less imports and ignores packages and other files', () => {
    const graph = graphOf({
      'x/a.ts': "import { b } from './b';\nimport './styles.css';\nimport 'react';",
      'x/b.tsx': "import { a } from './a.ts';",
    });
    expect(graph.get('x/a.ts')).toEqual(['x/b.tsx']);
    expect(findCycles(graph)).toEqual([['x/a.ts', 'x/b.tsx', 'x/a.ts']]);
  });
});

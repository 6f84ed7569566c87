// The import graph of the first-party TypeScript files, and its cycles. Every import counts:
// static, type-only, re-exports, `import()` and `import('…')` types (ts.preProcessFile finds them
// all, ignoring comments and strings). Only relative imports of .ts/.tsx files make edges.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The folders that hold first-party code. */
export const sourceFolders = ['main', 'preload', 'renderer', 'central', 'scripts', 'tests'] as const;

const skippedFolders = new Set(['node_modules', 'dist']);
const sourceFile = /\.tsx?$/;

/** Repository-relative paths (with `/`) of the .ts/.tsx files under `folders`, sorted. */
export function listSourceFiles(root: string, folders: readonly string[] = sourceFolders): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) walk(child);
      } else if (entry.isFile() && sourceFile.test(entry.name)) {
        found.push(child);
      }
    }
  };
  for (const folder of folders) {
    if (fs.existsSync(path.join(root, folder))) walk(folder);
  }
  return found.sort();
}

/** Each file's first-party imports (repository-relative paths), sorted and without duplicates. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Builds the graph of `sources` (repository-relative path → text). */
export function buildImportGraph(sources: ReadonlyMap<string, string>): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const [file, text] of sources) {
    const imported = new Set<string>();
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('./') && !fileName.startsWith('../')) continue;
      const target = resolve(file, fileName.replace(/[?#].*$/, ''), sources);
      if (target !== undefined) imported.add(target);
    }
    graph.set(file, [...imported].sort());
  }
  return graph;
}

function resolve(from: string, specifier: string, sources: ReadonlyMap<string, string>) {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) =>
    sources.has(candidate),
  );
}

/** Reads the files under `folders` and builds their graph. */
export function readImportGraph(root: string, folders: readonly string[] = sourceFolders): ImportGraph {
  const sources = new Map<string, string>();
  for (const file of listSourceFiles(root, folders)) {
    sources.set(file, fs.readFileSync(path.join(root, file), 'utf8'));
  }
  return buildImportGraph(sources);
}

/** The strongly connected components of the graph (Tarjan), each sorted. */
function stronglyConnectedComponents(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    lowLink.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(node, Math.min(lowLink.get(node) as number, lowLink.get(target) as number));
      } else if (onStack.has(target)) {
        lowLink.set(node, Math.min(lowLink.get(node) as number, index.get(target) as number));
      }
    }
    if (lowLink.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) {
    if (!index.has(node)) visit(node);
  }
  return components;
}

/** The shortest cycle from `start` back to itself that stays inside `members`. */
function shortestCycle(graph: ImportGraph, start: string, members: ReadonlySet<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] as string;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const between: string[] = [];
        for (let at = node; at !== start; at = previous.get(at) as string) between.unshift(at);
        return [start, ...between, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [];
}

/**
 * The import cycles: for every file on a cycle, the shortest cycle through it, each written from
 * its alphabetically first file back to that file (`[a, b, a]`), without duplicates, sorted.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles = new Map<string, string[]>();
  for (const component of stronglyConnectedComponents(graph)) {
    const first = component[0] as string;
    if (component.length === 1 && !(graph.get(first) ?? []).includes(first)) continue;
    const members = new Set(component);
    for (const start of component) {
      const cycle = shortestCycle(graph, start, members).slice(0, -1);
      const rotation = cycle.indexOf([...cycle].sort()[0] as string);
      const canonical = [...cycle.slice(rotation), ...cycle.slice(0, rotation)];
      canonical.push(canonical[0] as string);
      cycles.set(canonical.join(' → '), canonical);
    }
  }
  return [...cycles.keys()].sort().map((key) => cycles.get(key) as string[]);
}

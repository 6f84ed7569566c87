// @ts-check
// `architecture/layering`: every import must be one the importing file's layer allows (eslint/layers.js).
// Relative imports are resolved to a repository path and classified into a layer; bare specifiers
// are classified by package name (`@scope/name` or `name`, subpaths allowed); `node:x` and bare
// built-in names are Node built-ins. Covers static imports and re-exports (type-only too),
// `import()`, `import('…')` types, `import x = require('…')` and `require('…')`.
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { layers, repositoryRoot, testFiles } from './layers.js';

/** @typedef {import('./layers.js').Layer} Layer */
/**
 * What one file may import: its layer's list, plus the test allowances for a test file.
 * @typedef {object} Allowance
 * @property {Layer} layer
 * @property {boolean} isTest
 * @property {readonly (string | RegExp)[]} own
 * @property {readonly string[]} mayImport
 * @property {readonly string[]} packages
 * @property {boolean} builtins
 */
/**
 * @typedef {{ kind: 'builtin', name: string }
 *   | { kind: 'package', name: string }
 *   | { kind: 'file', path: string, layer: Layer | undefined }} ImportTarget
 */

/** A repository-relative path with forward slashes. */
function toRepositoryPath(/** @type {string} */ absolute) {
  return path.relative(repositoryRoot, absolute).split(path.sep).join('/');
}

/** Does a layer `paths` / `mayImport` entry cover this repository path? Returns the match's length. */
function matchLength(/** @type {string | RegExp} */ entry, /** @type {string} */ repositoryPath) {
  if (typeof entry === 'string') {
    return repositoryPath === entry || repositoryPath.startsWith(`${entry}/`) ? entry.length : -1;
  }
  return entry.test(repositoryPath) ? repositoryPath.length + 1 : -1;
}

/** The layer of a repository path: the one with the most specific matching entry. */
function layerOf(/** @type {string} */ repositoryPath) {
  /** @type {Layer | undefined} */
  let best;
  let bestLength = -1;
  for (const layer of layers) {
    for (const entry of layer.paths) {
      const length = matchLength(entry, repositoryPath);
      if (length > bestLength) {
        best = layer;
        bestLength = length;
      }
    }
  }
  return best;
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageName(/** @type {string} */ specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * Classifies what `specifier`, imported by the file at repository path `from`, refers to.
 * @returns {ImportTarget}
 */
function classifyImport(/** @type {string} */ from, /** @type {string} */ specifier) {
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return { kind: 'builtin', name: specifier };
  const isRelative = /^\.\.?(\/|$)/.test(specifier);
  if (isRelative || specifier.startsWith('/')) {
    // Vite-style suffixes (`./logo.svg?url`) name the same file.
    const file = specifier.replace(/[?#].*$/, '');
    const absolute = isRelative
      ? path.resolve(repositoryRoot, path.posix.dirname(from), file)
      : path.join(repositoryRoot, file);
    const target = toRepositoryPath(absolute);
    const inside = !target.startsWith('../') && target !== '..' && !path.isAbsolute(target);
    return { kind: 'file', path: target, layer: inside ? layerOf(target) : undefined };
  }
  return { kind: 'package', name: packageName(specifier) };
}

/** What the file at this repository path may import, or undefined if it is in no layer. */
function allowanceOf(/** @type {string} */ repositoryPath) {
  const layer = layerOf(repositoryPath);
  if (!layer) return undefined;
  const isTest = testFiles.pattern.test(repositoryPath);
  /** @type {Allowance} */
  const allowance = {
    layer,
    isTest,
    own: layer.paths,
    mayImport: [...(layer.mayImport ?? []), ...(isTest ? testFiles.mayImport : [])],
    packages: [...(layer.packages ?? []), ...(isTest ? testFiles.packages : [])],
    builtins: Boolean(layer.builtins) || (isTest && testFiles.builtins),
  };
  return allowance;
}

function packageAllowed(/** @type {readonly string[]} */ allowed, /** @type {string} */ name) {
  return allowed.some((entry) =>
    entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : name === entry,
  );
}

/** Whether an allowance permits a target. */
function isAllowed(/** @type {Allowance} */ allowance, /** @type {ImportTarget} */ target) {
  if (allowance.layer.unrestricted) return true;
  switch (target.kind) {
    case 'builtin':
      return allowance.builtins;
    case 'package':
      return packageAllowed(allowance.packages, target.name);
    case 'file':
      return [...allowance.own, ...allowance.mayImport].some((entry) => matchLength(entry, target.path) >= 0);
  }
}

/** "main/core may import: main/core, resources; packages: zod; no Node built-ins". */
function describeAllowance(/** @type {Allowance} */ allowance) {
  const own = allowance.own.map((entry) => (typeof entry === 'string' ? entry : String(entry)));
  const layerList = [...own, ...allowance.mayImport].join(', ');
  const packages = allowance.packages.length > 0 ? allowance.packages.join(', ') : 'none';
  const builtins = allowance.builtins ? 'Node built-ins' : 'no Node built-ins';
  const test = allowance.isTest ? ' (with the test-file allowances)' : '';
  return `${allowance.layer.name}${test} may import: ${layerList}; packages: ${packages}; ${builtins}`;
}

function describeTarget(/** @type {ImportTarget} */ target) {
  switch (target.kind) {
    case 'builtin':
      return `the Node built-in '${target.name}'`;
    case 'package':
      return `the package '${target.name}'`;
    case 'file':
      return `${target.path} (layer ${target.layer?.name ?? '?'})`;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers and packages eslint/layers.js allows it.' },
    schema: [],
    messages: {
      fileInNoLayer: '{{file}} is in no layer: add its folder to the table in eslint/layers.js.',
      targetInNoLayer:
        "'{{specifier}}' resolves to {{target}}, which is in no layer of eslint/layers.js ({{allowed}}).",
      forbidden: "Layer {{layer}} may not import {{what}} ('{{specifier}}'). {{allowed}}.",
    },
  },
  create(context) {
    const filename = context.filename;
    if (filename.startsWith('<')) return {}; // text without a file name (stdin)
    const from = toRepositoryPath(path.resolve(context.cwd, filename));
    const allowance = allowanceOf(from);
    if (!allowance) {
      return {
        Program(node) {
          context.report({ node, messageId: 'fileInNoLayer', data: { file: from } });
        },
      };
    }
    if (allowance.layer.unrestricted) return {};

    const allowed = describeAllowance(allowance);
    /** @param {import('estree').Node} node @param {unknown} specifier */
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return; // a computed `import(x)`: nothing to check
      const target = classifyImport(from, specifier);
      if (target.kind === 'file' && !target.layer) {
        context.report({
          node,
          messageId: 'targetInNoLayer',
          data: { specifier, target: target.path, allowed },
        });
      } else if (!isAllowed(allowance, target)) {
        const data = { layer: allowance.layer.name, what: describeTarget(target), specifier, allowed };
        context.report({ node, messageId: 'forbidden', data });
      }
    };

    /** The string of a literal or a template literal without expressions. */
    function stringOf(/** @type {any} */ node) {
      if (!node) return undefined;
      if (node.type === 'Literal') return node.value;
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
        return node.quasis[0]?.value.cooked;
      }
      return undefined;
    }

    /** @type {import('eslint').Rule.RuleListener} */
    const listener = {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => {
        if (node.source) check(node.source, node.source.value);
      },
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, stringOf(node.source)),
      CallExpression: (node) => {
        const [argument, ...more] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && argument && !more.length) {
          check(argument, stringOf(argument));
        }
      },
      // TypeScript's own nodes (typescript-eslint): `import('…').T` and `import x = require('…')`.
      TSImportType: (/** @type {any} */ node) => {
        const source = node.source ?? node.argument?.literal;
        check(source ?? node, stringOf(source));
      },
      TSExternalModuleReference: (/** @type {any} */ node) =>
        check(node.expression, stringOf(node.expression)),
    };
    return listener;
  },
};

export default layeringRule;

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** index.html must not be cached: it is the page the token arrives on. */
  cacheable: boolean;
}

/**
 * Resolves a URL path inside the built renderer folder. Anything that would leave the folder
 * (`..`, encoded slashes, absolute paths, NUL) resolves to null, as does a missing file.
 */
export async function readStaticFile(rootDirectory: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDirectory);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  try {
    if (!(await stat(resolved)).isFile()) return null;
    const extension = path.extname(resolved).toLowerCase();
    return {
      body: await readFile(resolved),
      contentType: contentTypes[extension] ?? 'application/octet-stream',
      cacheable: extension !== '.html',
    };
  } catch {
    return null;
  }
}

import { timingSafeEqual, createHash } from 'node:crypto';

// The browser-mode host listens on loopback, but any web page the kiosk's browser opens could
// still send requests to 127.0.0.1. Three checks keep them out: a per-launch bearer token, the
// Origin of browser requests, and the Host header (which defeats DNS rebinding). Hosts and origins
// are compared as parsed URLs, never with string prefixes.

/** Constant-time comparison of `Authorization: Bearer <token>` against the launch token. */
export function hasValidBearer(authorization: string | undefined, token: string): boolean {
  if (!authorization) return false;
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(authorization);
  if (!match) return false;
  return sameSecret(match[1] as string, token);
}

export function sameSecret(presented: string, expected: string): boolean {
  // Hashing first makes the comparison length-independent as well as constant-time.
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The origins the renderer is served from: http://127.0.0.1:PORT and http://localhost:PORT. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Browsers always send Origin on cross-origin requests and on same-origin POSTs, so a request
 * whose Origin is present must match exactly. A request without Origin does not come from another
 * web page (tests, curl, the CLI); it still needs the token.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return allowedOrigins(port).includes(parsed.origin) && parsed.origin === origin;
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  let parsed: URL;
  try {
    parsed = new URL(`http://${host}`);
  } catch {
    return false;
  }
  const hostPort = parsed.port === '' ? 80 : Number(parsed.port);
  return (
    hostPort === port &&
    (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost') &&
    parsed.username === '' &&
    parsed.pathname === '/'
  );
}

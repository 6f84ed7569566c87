import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// Staff password hashes. The central service hands the office's staff directory (hashes included) to
// every counter PC so officers can log in offline; a stolen PC therefore exposes the hashes, and the
// cost parameters must make offline guessing expensive. scrypt is memory-hard and ships with Node.
//
// Format (self-describing, so parameters can be raised later without breaking old hashes):
//   scrypt$N$r$p$saltBase64$hashBase64
// Passwords are NFC-normalised first: the same Vietnamese password typed with two input methods may
// arrive composed (ư = U+01B0) or decomposed (u + U+031B) and must hash the same.

export interface ScryptParameters {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB and roughly 50–150 ms per hash on a counter PC. */
export const defaultScryptParameters: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };

const saltBytes = 16;
const keyBytes = 32;
// Bounds for hashes read back from storage or the network: a hostile string must not make us
// allocate gigabytes or spin for minutes.
const limits = {
  minN: 2 ** 10,
  maxN: 2 ** 20,
  maxR: 32,
  maxP: 16,
  maxMemoryBytes: 256 * 1024 * 1024,
  minKeyBytes: 16,
  maxKeyBytes: 64,
};

export async function hashPassword(
  password: string,
  parameters: ScryptParameters = defaultScryptParameters,
): Promise<string> {
  assertParameters(parameters);
  const salt = randomBytes(saltBytes);
  const key = await deriveKey(password, salt, keyBytes, parameters);
  const { N, r, p } = parameters;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches `hash`. A malformed or out-of-bounds hash never matches. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parsePasswordHash(hash);
  if (!parsed) return false;
  const key = await deriveKey(password, parsed.salt, parsed.key.length, parsed.parameters);
  return timingSafeEqual(key, parsed.key);
}

/** True when `hash` is malformed or weaker than the current defaults (rehash after a good login). */
export function needsRehash(hash: string): boolean {
  const parsed = parsePasswordHash(hash);
  if (!parsed) return true;
  const { N, r, p } = parsed.parameters;
  return N < defaultScryptParameters.N || r < defaultScryptParameters.r || p < defaultScryptParameters.p;
}

interface ParsedHash {
  parameters: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
const decimal = /^[1-9]\d{0,9}$/;

function parsePasswordHash(hash: string): ParsedHash | null {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, nText, rText, pText, saltText, keyText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (![nText, rText, pText].every((text) => decimal.test(text))) return null;
  if (!base64.test(saltText) || !base64.test(keyText)) return null;
  const parameters = { N: Number(nText), r: Number(rText), p: Number(pText) };
  if (!parametersWithinLimits(parameters)) return null;
  const salt = Buffer.from(saltText, 'base64');
  const key = Buffer.from(keyText, 'base64');
  if (salt.length < 8 || key.length < limits.minKeyBytes || key.length > limits.maxKeyBytes) return null;
  return { parameters, salt, key };
}

function parametersWithinLimits({ N, r, p }: ScryptParameters): boolean {
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  return (
    powerOfTwo &&
    N >= limits.minN &&
    N <= limits.maxN &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= limits.maxR &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= limits.maxP &&
    128 * N * r <= limits.maxMemoryBytes
  );
}

function assertParameters(parameters: ScryptParameters): void {
  if (!parametersWithinLimits(parameters)) {
    throw new RangeError(`scrypt parameters out of bounds: ${JSON.stringify(parameters)}`);
  }
}

function deriveKey(password: string, salt: Buffer, length: number, { N, r, p }: ScryptParameters) {
  // scrypt needs 128·N·r bytes (plus a little); allow twice that so Node never refuses a valid hash.
  const maxmem = 256 * N * r + 1024 * 1024;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

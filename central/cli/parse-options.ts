// `--name value` / `--name=value` options for the central commands. Unknown options and missing
// values are errors (a typo in `--db` must not silently serve an in-memory database).

export type ParsedOptions = { ok: true; values: Map<string, string> } | { ok: false; message: string };

export function parseOptions(args: readonly string[], known: readonly string[]): ParsedOptions {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) return { ok: false, message: `unexpected argument: ${arg}` };
    const name = match[1] as string;
    if (!known.includes(name)) return { ok: false, message: `unknown option: --${name}` };
    const value = match[2] ?? args[++index];
    if (value === undefined || (match[2] === undefined && value.startsWith('--'))) {
      return { ok: false, message: `--${name} needs a value` };
    }
    values.set(name, value);
  }
  return { ok: true, values };
}

/** A whole number in [min, max], or null. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

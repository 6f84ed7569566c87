import type { Readable, Writable } from 'node:stream';

/** The streams a command reads and writes; tests pass their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Every `npm run -s cli -- <group> <command> …` module exports this. Returns the exit code. */
export type CliRun = (args: string[], io: CliIo) => Promise<number>;

export interface CliCommandModule {
  run: CliRun;
}

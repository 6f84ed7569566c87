import type { Readable, Writable } from 'node:stream';

// The reference central service is a separate program that the desktop's CLI happens to host: its
// commands declare the streams they use themselves rather than depend on the desktop app's code.
// main/host/cli.ts checks that these modules fit its own command type.

export interface CentralCliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Runs one `central <command>`; resolves to the exit code. */
export type CentralCliRun = (args: string[], io: CentralCliIo) => Promise<number>;

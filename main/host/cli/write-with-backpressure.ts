import type { Writable } from 'node:stream';

/**
 * Writes `text`, waiting for the reader when the stream's buffer is full, so a command that prints
 * a line per input keeps bounded memory when its output is piped into something slow.
 */
export async function writeWithBackpressure(stdout: Writable, text: string): Promise<void> {
  if (stdout.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stdout.off('drain', done);
      stdout.off('close', done);
      stdout.off('error', done);
      resolve();
    };
    stdout.on('drain', done);
    stdout.on('close', done);
    stdout.on('error', done);
  });
}

import type { CentralCliRun } from './cli-io.ts';
import { startCentralServer } from '../server/start-central-server.ts';
import { parseOptions, parseWholeNumber } from './parse-options.ts';

const usage =
  'usage: central serve [--port N] [--db FILE] [--seed COUNT] [--log]\n' +
  '  --port N       port on 127.0.0.1 (default 0: a free port)\n' +
  '  --db FILE      SQLite file (default :memory:)\n' +
  '  --seed COUNT   add the synthetic offices, staff and COUNT registrations (into an empty database)\n' +
  '  --log yes      one line per request on stderr\n';

/**
 * `central serve`: runs the reference central service until SIGINT/SIGTERM. When it is ready it
 * prints its URL, `http://127.0.0.1:PORT`, alone on one stdout line (scripts wait for that line);
 * everything else goes to stderr.
 */
export const run: CentralCliRun = async (args, io) => {
  const parsed = parseOptions(args, ['port', 'db', 'seed', 'log']);
  if (!parsed.ok) {
    io.stderr.write(`central serve: ${parsed.message}\n${usage}`);
    return 64;
  }
  const port = parseWholeNumber(parsed.values.get('port') ?? '0', 0, 65535);
  const seedText = parsed.values.get('seed');
  const seedCount = seedText === undefined ? undefined : parseWholeNumber(seedText, 0, 10_000_000);
  if (port === null || seedCount === null) {
    io.stderr.write(`central serve: --port must be 0–65535 and --seed a whole number\n${usage}`);
    return 64;
  }
  const databasePath = parsed.values.get('db') ?? ':memory:';
  const log = parsed.values.has('log') ? (line: string) => io.stderr.write(`${line}\n`) : undefined;

  const started = performance.now();
  const server = await startCentralServer({ databasePath, port, seedCount, log });
  if (server.seeded) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stderr.write(
      `central: ${server.seeded.registrations} registrations, ${server.seeded.offices} offices, ` +
        `${server.seeded.staff} staff seeded (${seconds} s)\n`,
    );
  }
  io.stderr.write(`central: database ${databasePath}; Ctrl+C to stop\n`);
  io.stdout.write(`${server.url}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  io.stderr.write('central: stopped\n');
  return 0;
};

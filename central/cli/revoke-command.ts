import type { CentralCliRun } from './cli-io.ts';
import { createDeviceStore } from '../store/device-store.ts';
import { openCentralDatabase } from '../store/open-central-database.ts';
import { parseOptions } from './parse-options.ts';

const usage = 'usage: central revoke --db FILE --device ID\n';

/** `central revoke`: revokes a device token; its next call gets 401 `token-revoked`. */
export const run: CentralCliRun = async (args, io) => {
  const parsed = parseOptions(args, ['db', 'device']);
  const databasePath = parsed.ok ? parsed.values.get('db') : undefined;
  const deviceId = parsed.ok ? parsed.values.get('device') : undefined;
  if (!databasePath || !deviceId || databasePath === ':memory:') {
    io.stderr.write(
      `central revoke: ${parsed.ok ? '--db FILE and --device ID are required' : parsed.message}\n${usage}`,
    );
    return 64;
  }
  const db = openCentralDatabase(databasePath);
  try {
    const outcome = createDeviceStore(db).revoke(deviceId);
    if (outcome === 'unknown-device') {
      io.stderr.write(`central revoke: no device ${deviceId}\n`);
      return 1;
    }
    io.stdout.write(outcome === 'revoked' ? `revoked ${deviceId}\n` : `${deviceId} was already revoked\n`);
    return 0;
  } finally {
    db.close();
  }
};

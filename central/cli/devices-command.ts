import type { CentralCliRun } from './cli-io.ts';
import { createAuditHeadStore } from '../store/audit-head-store.ts';
import { openCentralDatabase } from '../store/open-central-database.ts';
import { parseOptions } from './parse-options.ts';

const usage = 'usage: central devices --db FILE [--office CODE]\n';

interface DeviceRow {
  deviceId: string;
  officeCode: string;
  deviceName: string;
  enrolledAt: string;
  revokedAt: string | null;
}

/**
 * `central devices`: the enrolled devices, one line each, with the head of their audit chain and
 * whether it ever failed to match (docs/sync-protocol.md §13): where the central's operators see a
 * counter PC whose audit trail was rewritten or rewound. Exit 0 when no device has a mismatch, 1
 * when one does (so a monitoring job can alert), 64 on wrong usage.
 */
export const run: CentralCliRun = async (args, io) => {
  const parsed = parseOptions(args, ['db', 'office']);
  const databasePath = parsed.ok ? parsed.values.get('db') : undefined;
  if (!parsed.ok || !databasePath || databasePath === ':memory:') {
    io.stderr.write(`central devices: ${parsed.ok ? '--db FILE is required' : parsed.message}\n${usage}`);
    return 64;
  }
  const office = parsed.values.get('office') ?? null;
  const db = openCentralDatabase(databasePath);
  try {
    const devices = db
      .prepare(
        `SELECT device_id AS deviceId, office_code AS officeCode, device_name AS deviceName,
                enrolled_at AS enrolledAt, revoked_at AS revokedAt
           FROM devices WHERE @office IS NULL OR office_code = @office ORDER BY office_code, enrolled_at`,
      )
      .all({ office }) as DeviceRow[];
    const audit = createAuditHeadStore(db);
    let flagged = 0;
    for (const device of devices) {
      const status = audit.status(device.deviceId);
      const head = status.head ? `audit #${status.head.id} ${status.head.hash.slice(0, 12)}` : 'audit —';
      const first = status.mismatches[0];
      if (first) flagged += 1;
      const verdict = first
        ? `AUDIT MISMATCH (${first.reason} at #${first.entryId}, ${first.detectedAt})`
        : 'audit ok';
      const state = device.revokedAt ? `revoked ${device.revokedAt}` : `enrolled ${device.enrolledAt}`;
      io.stdout.write(
        `${device.deviceId}\t${device.officeCode}\t${device.deviceName}\t${state}\t${head}\t${verdict}\n`,
      );
    }
    if (devices.length === 0) io.stdout.write('no devices\n');
    return flagged > 0 ? 1 : 0;
  } finally {
    db.close();
  }
};

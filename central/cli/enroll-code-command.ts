import type { CentralCliRun } from './cli-io.ts';
import { createDeviceStore, UnknownOfficeError } from '../store/device-store.ts';
import { openCentralDatabase } from '../store/open-central-database.ts';
import { parseOptions } from './parse-options.ts';

const usage = 'usage: central enroll-code --db FILE --office CODE\n';

/** `central enroll-code`: prints a new one-time device enrollment code (valid 24 hours) on stdout. */
export const run: CentralCliRun = async (args, io) => {
  const parsed = parseOptions(args, ['db', 'office']);
  const databasePath = parsed.ok ? parsed.values.get('db') : undefined;
  const officeCode = parsed.ok ? parsed.values.get('office') : undefined;
  if (!databasePath || !officeCode || databasePath === ':memory:') {
    io.stderr.write(
      `central enroll-code: ${parsed.ok ? '--db FILE and --office CODE are required' : parsed.message}\n${usage}`,
    );
    return 64;
  }
  const db = openCentralDatabase(databasePath);
  try {
    const { enrollmentCode, expiresAt } = createDeviceStore(db).createEnrollmentCode(officeCode);
    io.stdout.write(`${enrollmentCode}\n`);
    io.stderr.write(`central: one-time code for office ${officeCode}, valid until ${expiresAt}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UnknownOfficeError) {
      io.stderr.write(`central enroll-code: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
};

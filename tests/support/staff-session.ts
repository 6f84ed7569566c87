import { trainingPasswords } from '../../central/seed/training-staff.ts';
import type { ApiResult } from '../../preload/contract/api-result.ts';

// Signing in as the training central's staff (central/seed/training-staff.ts) through the API, as
// the renderer does: sign in, then choose the PIN the first sign-in on a PC asks for.

export type Call = (name: string, args: unknown) => Promise<ApiResult<unknown>>;

export const testPin = '246810';

export const trainingStaff = {
  officer: 'cb-07921-1',
  otherOfficer: 'cb-07921-2',
  supervisor: 'gs-07921',
  admin: 'qt-07921',
  inactive: 'cb-07921-9',
} as const;

export function trainingPassword(staffId: string): string {
  if (staffId.startsWith('gs-')) return trainingPasswords.supervisor;
  if (staffId.startsWith('qt-')) return trainingPasswords.admin;
  return trainingPasswords.officer;
}

/** Signs `staffId` in (and sets the PIN on a first sign-in); throws when the backend refuses. */
export async function signInAs(call: Call, staffId: string): Promise<void> {
  const signedIn = await call('session.signIn', { username: staffId, password: trainingPassword(staffId) });
  if (!signedIn.ok) throw new Error(`sign-in of ${staffId} refused: ${signedIn.error.code}`);
  if ((signedIn.value as { pinSet: boolean }).pinSet) return;
  const pin = await call('session.setPin', { pin: testPin });
  if (!pin.ok) throw new Error(`setPin of ${staffId} refused: ${pin.error.code}`);
}

/** The staff directory arrives with the first sync round; sign-in needs it. */
export async function syncOnce(call: Call): Promise<void> {
  const synced = await call('sync.now', {});
  if (!synced.ok || (synced.value as { state: string }).state !== 'online') {
    throw new Error(`sync failed: ${JSON.stringify(synced)}`);
  }
}

import { describe, expect, it } from 'vitest';
import { appModes, type Access, type Role } from './access.ts';
import { commonErrorCodes, errorCodes, errorDetailSchemas } from './error-codes.ts';
import { events } from './events.ts';
import { operations } from './operations.ts';

// The contract declares everything (DEVELOPERS.md): each operation's schemas, the error codes it
// can return and who may call it. These checks keep the declarations themselves sound.

const roles: readonly Role[] = ['public', 'officer', 'supervisor', 'admin'];

describe('the contract', () => {
  it('names operations and events `area.verb` (or a single word), without clashes across areas', () => {
    for (const name of [...Object.keys(operations), ...Object.keys(events)]) {
      expect(name).toMatch(/^[a-z]+(\.[a-z][a-zA-Z]*)?$/);
    }
  });

  it.each(Object.entries(operations))(
    '%s declares its access with known modes and roles',
    (_name, definition) => {
      const access: Access = definition.access;
      const modes = appModes.filter((mode) => access[mode] !== undefined);
      expect(modes.length).toBeGreaterThan(0);
      for (const mode of modes) for (const role of access[mode] ?? []) expect(roles).toContain(role);
      for (const key of Object.keys(access))
        expect(['counter', 'kiosk', 'beforeEnrollment', 'whileLocked', 'beforePin']).toContain(key);
    },
  );

  it.each(Object.entries(operations))(
    '%s declares only catalogued error codes, none of the common ones twice',
    (_name, definition) => {
      for (const code of definition.errors) {
        expect(errorCodes).toContain(code);
        expect(commonErrorCodes).not.toContain(code);
      }
      expect(new Set(definition.errors).size).toBe(definition.errors.length);
    },
  );

  it('has one entry per code in the catalogue and detail schemas only for catalogued codes', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    for (const code of Object.keys(errorDetailSchemas)) expect(errorCodes).toContain(code);
  });

  it('takes the deciding officer from the session, never from the arguments', () => {
    for (const [name, definition] of Object.entries(operations)) {
      const shape =
        'shape' in definition.args ? Object.keys((definition.args as { shape: object }).shape) : [];
      expect(shape, name).not.toContain('officerId');
      expect(shape, name).not.toContain('staffId');
    }
    expect(
      operations['registrations.decide'].args.safeParse({
        registrationCode: 'DK-1',
        outcome: 'approved',
        reasonCode: null,
        note: null,
        override: false,
        officerId: 'cb-07921-1',
      }).success,
    ).toBe(false);
  });

  it('keeps officer and admin operations out of kiosk mode', () => {
    const kioskOperations = Object.entries(operations)
      .filter(([, definition]) =>
        (definition.access as { kiosk?: readonly string[] }).kiosk?.includes('public'),
      )
      .map(([name]) => name)
      .sort();
    expect(kioskOperations).toEqual([
      'health',
      'id.parse',
      'kiosk.activity',
      'kiosk.begin',
      'kiosk.end',
      'kiosk.existing',
      'kiosk.offices',
      'kiosk.print',
      'kiosk.receipt',
      'kiosk.status',
      'kiosk.submit',
      'scan.status',
      'scan.submit',
      'settings.display',
      'startup.status',
      'sync.status',
    ]);
  });
});

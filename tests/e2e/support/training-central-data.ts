import Database from 'better-sqlite3';
import path from 'node:path';
import type { Registration } from '../../../main/core/registration/registration.ts';
import { createRegistrationStore } from '../../../central/store/registration-store.ts';
import { documentedRegistration } from '../../fixtures/documented-registration.ts';
import { idFixture } from '../../support/id-fixtures.ts';

// The training central's own database (training-central.sqlite in the app's data folder), opened
// beside the running app — SQLite's locking lets both write — so an end-to-end test can file the
// registrations its cards must find, and read afterwards what the central recorded (the decision,
// the notifications sent to the citizen).

const file = (dataDirectory: string) => path.join(dataDirectory, 'training-central.sqlite');

function open(dataDirectory: string): Database.Database {
  const db = new Database(file(dataDirectory));
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A pending registration of the person on a fixture ID card, with `overrides` (e.g. a name typo). */
export function registrationForCard(
  fixtureName: string,
  code: string,
  overrides: Partial<Registration> = {},
): Registration {
  const fields = idFixture(fixtureName).expect.fields as Record<string, string>;
  return {
    ...documentedRegistration,
    code,
    officeCode: '07921',
    fullName: fields.fullName as string,
    dateOfBirth: fields.dateOfBirth as string,
    sex: fields.sex as Registration['sex'],
    idDocument: {
      type: 'cccd',
      number: fields.idNumber as string,
      issueDate: fields.issueDate ?? null,
      issuePlace: 'Cục Cảnh sát QLHC về TTXH',
    },
    address: fields.address ?? documentedRegistration.address,
    submittedAt: '2026-11-30T01:00:00.000Z',
    status: 'pending',
    decision: null,
    guardian: null,
    ...overrides,
  };
}

/** Files pending registrations at the training central; the counter gets them at its next sync. */
export function fileRegistrations(dataDirectory: string, registrations: readonly Registration[]): void {
  const db = open(dataDirectory);
  try {
    const store = createRegistrationStore(db);
    db.transaction(() => {
      for (const registration of registrations) {
        store.insert(registration, {
          seq: store.nextSeq(),
          changedAt: registration.submittedAt,
          changedByDevice: null,
        });
      }
    }).immediate();
  } finally {
    db.close();
  }
}

/** What the central holds for a registration: its status, and the notifications it recorded. */
export function centralRecord(
  dataDirectory: string,
  code: string,
): { status: string | null; templates: string[] } {
  const db = open(dataDirectory);
  try {
    const row = db.prepare('SELECT status FROM registrations WHERE code = ?').get(code) as
      { status: string } | undefined;
    const templates = (
      db
        .prepare('SELECT template FROM notifications WHERE registration_code = ? ORDER BY notification_id')
        .all(code) as Array<{
        template: string;
      }>
    ).map((entry) => entry.template);
    return { status: row?.status ?? null, templates };
  } finally {
    db.close();
  }
}

/**
 * A BHYT card's QR payload (2021 format) for a person: the fixture `bhyt-2021-0` with its number,
 * name (hex of the UTF-8 bytes, as on the cards), birth date and sex replaced.
 */
export function bhytPayloadFor(person: {
  socialInsuranceNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
}): string {
  const template = idFixture('bhyt-2021-0').payload.split('|');
  const [year, month, day] = person.dateOfBirth.split('-');
  template[0] = person.socialInsuranceNumber;
  template[1] = Buffer.from(person.fullName.normalize('NFC'), 'utf8').toString('hex');
  template[2] = `${day}/${month}/${year}`;
  template[3] = person.sex === 'male' ? '1' : '2';
  template[9] = `3323${person.socialInsuranceNumber}`;
  return template.join('|');
}

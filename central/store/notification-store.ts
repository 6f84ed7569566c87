import type Database from 'better-sqlite3';
import type { Notification } from '../protocol/sync-protocol.ts';

export type NewNotification = Omit<Notification, 'notificationId' | 'deliveryStatus'> & {
  officeCode: string;
};

interface NotificationRow {
  notificationId: number;
  registrationCode: string;
  channel: Notification['channel'];
  to: string;
  template: Notification['template'];
  subject: string | null;
  body: string;
  reasonCode: string | null;
  reasonNote: string | null;
  createdAt: string;
}

/** What would have been e-mailed or texted. The reference service records; it never sends. */
export function createNotificationStore(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO notifications
      (registration_code, office_code, channel, recipient, template, subject, body, reason_code,
       reason_note, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const columns = `notification_id AS notificationId, registration_code AS registrationCode, channel,
    recipient AS "to", template, subject, body, reason_code AS reasonCode, reason_note AS reasonNote,
    created_at AS createdAt`;
  const byOffice = db.prepare(`
    SELECT ${columns} FROM notifications
     WHERE office_code = ? AND notification_id > ? ORDER BY notification_id LIMIT ?`);
  const byRegistration = db.prepare(`
    SELECT ${columns} FROM notifications
     WHERE office_code = ? AND registration_code = ? AND notification_id > ?
     ORDER BY notification_id LIMIT ?`);

  return {
    insert(notification: NewNotification): void {
      insert.run(
        notification.registrationCode,
        notification.officeCode,
        notification.channel,
        notification.to,
        notification.template,
        notification.subject,
        notification.body,
        notification.reason?.code ?? null,
        notification.reason?.note ?? null,
        notification.createdAt,
      );
    },

    list(
      officeCode: string,
      query: { registration?: string | undefined; after: number; limit: number },
    ): { items: Notification[]; cursor: number; hasMore: boolean } {
      const rows = (
        query.registration === undefined
          ? byOffice.all(officeCode, query.after, query.limit + 1)
          : byRegistration.all(officeCode, query.registration, query.after, query.limit + 1)
      ) as NotificationRow[];
      const hasMore = rows.length > query.limit;
      if (hasMore) rows.pop();
      const items = rows.map(({ reasonCode, reasonNote, ...row }): Notification => ({
        ...row,
        reason: row.template === '01/TB-GDĐT' ? { code: reasonCode, note: reasonNote } : null,
        deliveryStatus: 'recorded',
      }));
      return { items, cursor: items.at(-1)?.notificationId ?? query.after, hasMore };
    },
  };
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;

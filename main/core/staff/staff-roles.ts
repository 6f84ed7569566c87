// The roles of the staff directory the central service owns (docs/sync-protocol.md §7). One list
// for the sync protocol, the local store and the API's access rules.
export const staffRoles = ['officer', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

// How the adult who registers a child is related to them. The stored value is the Vietnamese word
// the declaration prints (the office reads it); the screen shows it in the citizen's language by
// its key (kiosk.relationship.<key>).

export const guardianRelationships = [
  { value: 'Cha', key: 'father' },
  { value: 'Mẹ', key: 'mother' },
  { value: 'Ông', key: 'grandfather' },
  { value: 'Bà', key: 'grandmother' },
  { value: 'Anh/Chị', key: 'sibling' },
  { value: 'Người giám hộ', key: 'guardian' },
] as const;

export type GuardianRelationship = (typeof guardianRelationships)[number]['value'];

export function isGuardianRelationship(value: string): value is GuardianRelationship {
  return guardianRelationships.some((relationship) => relationship.value === value);
}

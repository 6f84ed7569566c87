// The names of every operation, without their schemas: the sandboxed preload needs only these, and
// importing them from here keeps zod out of its bundle. operations.ts is checked against this list
// by the compiler (a missing or extra operation does not type-check).
export const operationNames = [
  'health',
  'id.parse',
  'settings.get',
  'settings.set',
  'sync.status',
  'sync.now',
  'sync.enroll',
  'registrations.search',
  'registrations.decide',
  'conflicts.list',
  'conflicts.acknowledge',
] as const;

export type OperationName = (typeof operationNames)[number];

import { accessRefusal, type AppMode, type Caller } from '../../preload/contract/access.ts';
import type { WireRegistration } from '../../preload/contract/areas/registrations.ts';
import { operations, type OperationName } from '../../preload/contract/operations.ts';
import type { ScanEvent } from '../../preload/contract/areas/scan.ts';

// The screens a signed-in officer (or a kiosk's citizen) moves between. Whether a route is open to
// the caller is derived from the contract's access rules of the operations the screen needs, with
// the same function the backend enforces, so the renderer never offers a screen whose calls would
// be refused. Sign-in, set-pin, lock, set-up and start-up are not routes: they are states of the
// session and of the backend, and they come before any route (App.tsx).

/**
 * The card(s) scanned for a verification, carried by the route from the scan that opened it. Personal
 * data: a decided verification navigates to the same route with `cards: null`.
 */
export type ScannedCardsForRoute = { idCard: ScanEvent | null; healthCard: ScanEvent | null };

export type Route =
  | { name: 'counter-home' }
  | {
      name: 'verification';
      registrationCode: string;
      cards: ScannedCardsForRoute | null;
      /** The registration as the lookup that opened the screen found it: shown at once, refreshed. */
      found?: WireRegistration | null;
    }
  | { name: 'admin' }
  | { name: 'reports' }
  | { name: 'scanner-test' }
  | { name: 'print-queue' }
  | { name: 'kiosk-attract' }
  | { name: KioskVisitScreen };

/**
 * The kiosk's screens after the attract one. They belong to a citizen's visit (its state lives in
 * the kiosk's visit context, screens/kiosk/visit/), so they are reached only from within it: never
 * a home, never a navigation link.
 */
export const kioskVisitScreens = [
  'kiosk-language',
  'kiosk-scan',
  'kiosk-form',
  'kiosk-consent',
  'kiosk-done',
  'kiosk-existing',
  'kiosk-status',
  'kiosk-install',
] as const;
export type KioskVisitScreen = (typeof kioskVisitScreens)[number];

export type RouteName = Route['name'];
/** Routes without parameters that a link or a home can name alone. */
export type PlainRouteName = Exclude<
  Route,
  { registrationCode: string } | { name: KioskVisitScreen }
>['name'];

const routeRequirements: Record<RouteName, { mode: AppMode; operations: readonly OperationName[] }> = {
  'counter-home': {
    mode: 'counter',
    operations: ['registrations.list', 'registrations.byCard', 'registrations.myDay', 'conflicts.list'],
  },
  verification: { mode: 'counter', operations: ['registrations.search', 'registrations.decide'] },
  admin: { mode: 'counter', operations: ['settings.get', 'settings.set', 'sync.enroll'] },
  reports: { mode: 'counter', operations: ['reports.daily', 'reports.export', 'audit.verify'] },
  'scanner-test': { mode: 'counter', operations: ['scan.status', 'scan.submit'] },
  'print-queue': { mode: 'counter', operations: ['print.jobs', 'print.retry', 'print.cancel'] },
  'kiosk-attract': { mode: 'kiosk', operations: ['kiosk.begin'] },
  'kiosk-language': { mode: 'kiosk', operations: ['kiosk.begin'] },
  'kiosk-scan': { mode: 'kiosk', operations: ['kiosk.existing', 'scan.submit'] },
  'kiosk-form': { mode: 'kiosk', operations: ['kiosk.offices'] },
  'kiosk-consent': { mode: 'kiosk', operations: ['kiosk.submit'] },
  'kiosk-done': { mode: 'kiosk', operations: ['kiosk.receipt', 'kiosk.print'] },
  'kiosk-existing': { mode: 'kiosk', operations: ['kiosk.end'] },
  'kiosk-status': { mode: 'kiosk', operations: ['kiosk.status', 'scan.submit'] },
  'kiosk-install': { mode: 'kiosk', operations: ['kiosk.begin'] },
};

/** Where each kind of caller starts, in order of preference. */
const homeOrder: readonly PlainRouteName[] = ['kiosk-attract', 'counter-home', 'admin', 'reports'];

/** Routes that appear in the signed-in navigation (the others are reached from a screen). */
export const navigationRoutes: readonly PlainRouteName[] = [
  'counter-home',
  'reports',
  'print-queue',
  'scanner-test',
  'admin',
];

/** The caller as it will be once its session is unlocked: what the routes themselves allow. */
function working(caller: Caller): Caller {
  return caller.session
    ? { ...caller, session: { ...caller.session, locked: false, pinRequired: false } }
    : caller;
}

export function routeAllowed(name: RouteName, caller: Caller): boolean {
  const unlocked = working(caller);
  const requirement = routeRequirements[name];
  return (
    requirement.mode === caller.mode &&
    requirement.operations.every(
      (operation) => accessRefusal(operations[operation].access, unlocked) === null,
    )
  );
}

export function homeRoute(caller: Caller): Route | null {
  const name = homeOrder.find((candidate) => routeAllowed(candidate, caller));
  return name === undefined ? null : { name };
}

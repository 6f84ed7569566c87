import type { registrationOperations } from '../../../preload/contract/areas/registrations.ts';
import type { Registration } from '../../core/registration/registration.ts';
import { getSetting } from '../../store/settings-repository.ts';
import type { Store } from '../../store/store.ts';
import type { AreaHandlers } from '../operation-handlers.ts';
import {
  acknowledgeConflict,
  decideRegistration,
  listOfficeRegistrations,
  officerDay,
  openConflicts,
  registrationsOfCard,
  searchRegistrations,
} from './registration-service.ts';

export function registrationHandlers(deps: {
  store: Store;
  counterId: () => string;
  /** A decision waits in the outbox: push it now. */
  localChange: () => void;
  /** When the registration's person's card was scanned at this PC just before (null: not seen). */
  lastCardScan?: (registration: Registration) => string | null;
}): AreaHandlers<typeof registrationOperations> {
  return {
    'registrations.search': ({ query }) => searchRegistrations(deps.store, query),
    'registrations.list': (args) => listOfficeRegistrations(deps.store, args),
    'registrations.byCard': (numbers) => registrationsOfCard(deps.store, numbers),
    'registrations.myDay': (_args, { session }) =>
      officerDay(deps.store, { officerId: session.staffId, counterId: deps.counterId() }),
    'registrations.decide': (args, { session }) => {
      const decided = decideRegistration(
        deps.store,
        { officerId: session.staffId, counterId: deps.counterId() },
        args,
        deps.lastCardScan,
      );
      deps.localChange();
      return decided;
    },
    'registrations.reasons': () => getSetting(deps.store, 'rejectionReasons'),
    'conflicts.list': () => openConflicts(deps.store),
    'conflicts.acknowledge': ({ conflictId }, { session }) =>
      acknowledgeConflict(deps.store, conflictId, session.staffId),
  };
}

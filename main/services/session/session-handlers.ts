import type { sessionOperations } from '../../../preload/contract/areas/session.ts';
import type { AreaHandlers } from '../operation-handlers.ts';
import type { SessionService } from './session-service.ts';

export function sessionHandlers(sessions: SessionService): AreaHandlers<typeof sessionOperations> {
  return {
    'session.current': () => sessions.view(),
    'session.signIn': ({ username, password }) => sessions.signIn(username, password),
    'session.signOut': () => {
      sessions.signOut();
      return null;
    },
    'session.lock': () => sessions.lock('locked'),
    'session.unlock': (credential) => sessions.unlock(credential),
    'session.setPin': ({ pin, password }) => sessions.setPin(pin, password),
    'session.activity': () => sessions.activity(),
  };
}

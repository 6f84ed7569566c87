import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Caller } from '../../preload/contract/access.ts';
import { routeAllowed, type Route } from './routes.ts';

interface RouterValue {
  route: Route;
  caller: Caller;
  navigate(route: Route): void;
}

const RouterContext = createContext<RouterValue | null>(null);

/**
 * The current screen of a signed-in officer or of a kiosk. Keyed by the caller's identity in App,
 * so another officer signing in starts at their own home. A route the caller may not use is never
 * entered (the same rules the backend enforces; routes.ts).
 */
export function RouterProvider({
  caller,
  home,
  children,
}: {
  caller: Caller;
  home: Route;
  children: ReactNode;
}) {
  const [route, setRoute] = useState<Route>(home);
  const navigate = useCallback(
    (next: Route) => {
      if (routeAllowed(next.name, caller)) setRoute(next);
      else console.error(`route ${next.name} is not open to this caller`);
    },
    [caller],
  );
  const value = useMemo(() => ({ route, caller, navigate }), [route, caller, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside <RouterProvider>');
  return value;
}

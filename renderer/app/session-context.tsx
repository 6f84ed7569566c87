import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiResult } from '../../preload/contract/api-result.ts';
import type { SessionView } from '../../preload/contract/areas/session.ts';
import type { ApiClient } from '../api/api-client.ts';
import { useApi } from './api-context.ts';
import { useDisplaySettings } from './display-settings-context.tsx';

// The backend's session as the screens see it. The backend owns it (its `session.changed` event
// keeps this copy current); the page reports the officer's input so the idle lock moves back, and
// hides the screen itself the moment the idle deadline passes, without waiting for the event.

export interface SessionValue {
  /** undefined while the first answer is awaited. */
  session: SessionView | null | undefined;
  signIn(username: string, password: string): Promise<ApiResult<SessionView>>;
  signOut(): Promise<void>;
  lock(): Promise<void>;
  unlock(credential: { pin: string } | { password: string }): Promise<ApiResult<SessionView>>;
  setPin(pin: string, password?: string): Promise<ApiResult<SessionView>>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { settings } = useDisplaySettings();
  const [session, setSession] = useState<SessionView | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const unsubscribe = api.onEvent((event) => {
      if (event.name === 'session.changed') setSession(event.payload.session);
    });
    void api.call('session.current', {}).then((result) => {
      if (!cancelled) setSession(result.ok ? result.value : null);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [api]);

  const working = session !== undefined && session !== null && !session.locked;
  useActivityReports(api, working, settings.idleLockMinutes, setSession);
  useLocalIdleLock(api, working ? (session?.lockAt ?? null) : null, setSession);

  const value = useMemo<SessionValue>(() => {
    const keep = (result: ApiResult<SessionView>) => {
      if (result.ok) setSession(result.value);
      return result;
    };
    return {
      session,
      signIn: async (username, password) => keep(await api.call('session.signIn', { username, password })),
      signOut: async () => {
        const result = await api.call('session.signOut', {});
        if (result.ok) setSession(null);
      },
      lock: async () => {
        keep(await api.call('session.lock', {}));
      },
      unlock: async (credential) => keep(await api.call('session.unlock', credential)),
      setPin: async (pin, password) =>
        keep(await api.call('session.setPin', password === undefined ? { pin } : { pin, password })),
    };
  }, [api, session]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

const inputEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Tells the backend the officer is working: at most once per quarter of the idle time, with a
 * trailing report so the last key press before a pause is never lost (the lock then comes at least
 * the idle minutes after the last input, never earlier).
 */
function useActivityReports(
  api: ApiClient,
  active: boolean,
  idleLockMinutes: number,
  setSession: (session: SessionView) => void,
): void {
  const lastReport = useRef(0);
  useEffect(() => {
    if (!active) return;
    const throttleMs = Math.min(30_000, Math.max(250, (idleLockMinutes * 60_000) / 4));
    let trailing: ReturnType<typeof setTimeout> | null = null;
    const report = () => {
      trailing = null;
      lastReport.current = Date.now();
      void api.call('session.activity', {}).then((result) => {
        if (result.ok) setSession(result.value);
      });
    };
    const onInput = () => {
      const since = Date.now() - lastReport.current;
      if (since >= throttleMs) report();
      else trailing ??= setTimeout(report, throttleMs - since);
    };
    for (const name of inputEvents) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      for (const name of inputEvents) window.removeEventListener(name, onInput, { capture: true });
      if (trailing) clearTimeout(trailing);
    };
  }, [api, active, idleLockMinutes, setSession]);
}

/** At the idle deadline the screen is hidden at once; the backend's answer then confirms it. */
function useLocalIdleLock(
  api: ApiClient,
  lockAt: string | null,
  setSession: (update: (current: SessionView | null | undefined) => SessionView | null | undefined) => void,
): void {
  useEffect(() => {
    if (lockAt === null) return;
    const delay = Math.max(0, Date.parse(lockAt) - Date.now());
    const timer = setTimeout(() => {
      setSession((current) =>
        current && current.lockAt === lockAt ? { ...current, locked: true, lockAt: null } : current,
      );
      void api.call('session.current', {}).then((result) => {
        if (result.ok) setSession(() => result.value);
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [api, lockAt, setSession]);
}

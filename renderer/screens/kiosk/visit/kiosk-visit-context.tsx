import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { ApiError } from '../../../../preload/contract/api-result.ts';
import type { KioskLanguage } from '../../../../preload/contract/areas/kiosk.ts';
import { useApi } from '../../../app/api-context.ts';
import { useRouter } from '../../../app/router-context.tsx';
import { useI18nInstance } from '../../../i18n/use-i18n-instance.ts';
import { newSubmissionId } from './new-submission-id.ts';
import { TypingLog } from './typing-log.ts';
import { initialVisitState, visitReducer, type KioskVisit, type VisitAction } from './visit-state.ts';

// The citizen's visit, above every kiosk screen (RouteView mounts it for the kiosk's routes), so
// that going back, going on, or switching the language keeps everything they gave. The language
// is the visit's own: it is never written to the settings (the next citizen starts in Vietnamese),
// and the i18n instance follows it, whatever else asks for another language meanwhile.

interface KioskVisitValue {
  visit: KioskVisit | null;
  language: KioskLanguage;
  dispatch(action: VisitAction): void;
  /** Starts a visit at the backend (forgetting any before it); the error when it could not. */
  begin(language: KioskLanguage): Promise<ApiError | null>;
  chooseLanguage(language: KioskLanguage): void;
  /** Ends the visit, wipes everything and goes back to the attract screen, in Vietnamese. */
  startOver(): void;
  /** Fast typing the wedge capture took for a scan, field by field (typing-log.ts); null for a real scan. */
  typedBurst(text: string): Array<{ field: string; text: string }> | null;
}

const KioskVisitContext = createContext<KioskVisitValue | null>(null);

export function KioskVisitProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const i18n = useI18nInstance();
  const { navigate } = useRouter();
  const [state, dispatch] = useReducer(visitReducer, initialVisitState);
  const language = useRef<KioskLanguage>(state.language);
  const [typing] = useState(() => new TypingLog());

  // Registered once, on mount: before the scan provider's wedge capture (see typing-log.ts).
  useEffect(() => {
    const record = (event: KeyboardEvent) => typing.record(event);
    window.addEventListener('keydown', record, true);
    return () => window.removeEventListener('keydown', record, true);
  }, [typing]);

  const applyLanguage = useCallback(
    (next: KioskLanguage) => {
      language.current = next;
      dispatch({ type: 'language', language: next });
      document.documentElement.lang = next;
      if (i18n.language !== next) void i18n.changeLanguage(next);
    },
    [i18n],
  );

  // The visit's language wins: a settings change pushed by the backend must not switch a
  // citizen's screen to the kiosk's configured language in the middle of their visit.
  useEffect(() => {
    const keep = (changedTo: string) => {
      if (changedTo !== language.current) void i18n.changeLanguage(language.current);
    };
    i18n.on('languageChanged', keep);
    if (i18n.language !== language.current) void i18n.changeLanguage(language.current);
    document.documentElement.lang = language.current;
    return () => i18n.off('languageChanged', keep);
  }, [i18n]);

  const begin = useCallback(
    async (chosen: KioskLanguage) => {
      applyLanguage(chosen);
      const answer = await api.call('kiosk.begin', { language: chosen });
      if (!answer.ok) return answer.error;
      dispatch({
        type: 'begun',
        visitId: answer.value.visitId,
        idleTimeoutSeconds: answer.value.idleTimeoutSeconds,
        idleWarningSeconds: answer.value.idleWarningSeconds,
        submissionId: newSubmissionId(),
      });
      return null;
    },
    [api, applyLanguage],
  );

  const startOver = useCallback(() => {
    void api.call('kiosk.end', {});
    dispatch({ type: 'wipe' });
    typing.clear();
    applyLanguage('vi');
    navigate({ name: 'kiosk-attract' });
  }, [api, applyLanguage, navigate, typing]);

  const value = useMemo<KioskVisitValue>(
    () => ({
      visit: state.visit,
      language: state.language,
      dispatch,
      begin,
      chooseLanguage: applyLanguage,
      startOver,
      typedBurst: (text: string) => typing.takeBurst(text),
    }),
    [state, begin, applyLanguage, startOver, typing],
  );
  return <KioskVisitContext.Provider value={value}>{children}</KioskVisitContext.Provider>;
}

export function useKioskVisit(): KioskVisitValue {
  const value = useContext(KioskVisitContext);
  if (!value) throw new Error('useKioskVisit outside <KioskVisitProvider>');
  return value;
}

/** The open visit, for screens that exist only inside one (the layout sends them home otherwise). */
export function useOpenVisit(): KioskVisitValue & { visit: KioskVisit } {
  const value = useKioskVisit();
  if (!value.visit) throw new Error('a kiosk visit screen without an open visit');
  return value as KioskVisitValue & { visit: KioskVisit };
}

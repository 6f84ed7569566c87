import { readKioskReference } from '../../../main/core/registration/kiosk-reference.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent } from '../../../preload/contract/areas/scan.ts';
import { useApi } from '../../app/api-context.ts';
import { useRouter } from '../../app/router-context.tsx';
import { useScans } from '../../scan/ScanProvider.tsx';
import { ConflictList } from './ConflictList.tsx';
import {
  cardLookupArguments,
  cardNumber,
  formCodeQuery,
  readableCard,
  scannedCards,
} from './home/card-lookup.ts';
import { MyDayCount } from './home/MyDayCount.tsx';
import { RegistrationBrowser } from './home/RegistrationBrowser.tsx';
import { defaultFilters, type ListFilters } from './home/registration-filters.ts';
import { ScanPanel, type ScanLookup } from './home/ScanPanel.tsx';
import { useSearchShortcut } from './home/use-search-shortcut.ts';

/**
 * The signed-in officer's home (issue #10): scan a card and go straight to its registration, or
 * find one in the office's list (pending first) by search and filters; the officer's count today.
 */
export function CounterHomeScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { navigate } = useRouter();
  const [scan, setScan] = useState<ScanEvent | null>(null);
  const [lookup, setLookup] = useState<ScanLookup>({ state: 'idle' });
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<ListFilters>(defaultFilters);
  const searchRef = useRef<HTMLInputElement>(null);
  /** The scan whose lookup may still change the screen: an earlier one's late answer is dropped. */
  const latestScan = useRef<string | null>(null);
  useSearchShortcut(searchRef);
  // A lookup still on its way when the home is left must not navigate afterwards.
  useEffect(
    () => () => {
      latestScan.current = null;
    },
    [],
  );

  // Every source (keyboard wedge, HID-POS, camera) arrives here parsed, once.
  useScans(
    useCallback(
      (next: ScanEvent) => {
        latestScan.current = next.scanId;
        const current = () => latestScan.current === next.scanId;
        // A scan damaged on its way in is diagnosed, never looked up: its numbers cannot be trusted.
        if (next.damage) {
          setScan(next);
          setLookup({ state: 'idle' });
          return;
        }
        const formCode = formCodeQuery(next);
        if (formCode) {
          // The declaration's QR opens its registration straight away when this PC has it.
          setLookup({ state: 'searching' });
          void api.call('registrations.search', { query: formCode }).then((result) => {
            if (!current()) return;
            if (!result.ok) return setLookup({ state: 'failed', error: result.error });
            // A form printed by a kiosk while it was offline carries the kiosk's reference instead
            // of the code: the search finds its registration by that reference.
            const reference = readKioskReference(formCode);
            const found = result.value.find(
              (row) =>
                row.registration.code === formCode || (reference !== null && result.value.length === 1),
            );
            if (found) {
              const registrationCode = found.registration.code;
              navigate({ name: 'verification', registrationCode, cards: null, found });
              return;
            }
            setScan(null);
            setLookup({ state: 'form-code-missing', code: formCode, kiosk: reference !== null });
            setDraft(formCode);
          });
          return;
        }
        const card = readableCard(next);
        const args = card ? cardLookupArguments(card) : null;
        if (!card || !args) {
          setScan(next);
          setLookup({ state: 'idle' });
          return;
        }
        // The lookup takes a few milliseconds: the card and "looking up" are drawn only if it is
        // slow, so the usual case goes straight to the verification screen without a render between.
        const showProgress = setTimeout(() => {
          if (!current()) return;
          setScan(next);
          setLookup({ state: 'searching' });
        }, 150);
        void api.call('registrations.byCard', args).then((result) => {
          clearTimeout(showProgress);
          if (!current()) return;
          const rows = result.ok ? result.value : [];
          const only = rows.length === 1 ? rows[0] : undefined;
          if (!only) setScan(next);
          if (!result.ok) return setLookup({ state: 'failed', error: result.error });
          if (only) {
            // Even a registration already decided opens: the verification says who decided what, when.
            // A registration no longer pending keeps no card: there is nothing to compare it with.
            const open = only.registration.status === 'pending' && only.localDecision === null;
            navigate({
              name: 'verification',
              registrationCode: only.registration.code,
              cards: open ? scannedCards(next) : null,
              found: only,
            });
          } else if (rows.length === 0) {
            setLookup({ state: 'none', number: cardNumber(card), fullName: card.fields.fullName });
            setDraft(cardNumber(card));
          } else {
            setLookup({ state: 'several', rows });
          }
        });
      },
      [api, navigate],
    ),
  );

  const clear = () => {
    latestScan.current = null;
    setScan(null);
    setLookup({ state: 'idle' });
  };

  return (
    <div className="counter-screen counter-home" data-screen="counter-home">
      <ConflictList />
      <div className="counter-home-top">
        <section className="scan-prompt" data-testid="scan-prompt">
          <h1>{t('counter.scanPrompt')}</h1>
          <p>{t('counter.scanHint')}</p>
        </section>
        <MyDayCount />
      </div>
      <ScanPanel
        scan={scan}
        lookup={lookup}
        onClear={clear}
        onSearchByName={(fullName) => {
          setDraft(fullName);
          setFilters({ ...filters, query: fullName, page: 0 });
        }}
      />
      <RegistrationBrowser
        draft={draft}
        onDraft={setDraft}
        filters={filters}
        onFilters={setFilters}
        cards={scannedCards(scan)}
        searchRef={searchRef}
      />
    </div>
  );
}

import { useEffect, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  registrationChannels,
  registrationStatuses,
} from '../../../../main/core/registration/registration.ts';
import type { ApiError } from '../../../../preload/contract/api-result.ts';
import type { OperationResult } from '../../../../preload/contract/operations.ts';
import { useApi } from '../../../app/api-context.ts';
import type { ScannedCardsForRoute } from '../../../app/routes.ts';
import { ErrorMessage } from '../../../components/ErrorMessage.tsx';
import { RegistrationList } from '../RegistrationList.tsx';
import {
  defaultFilters,
  filtersNarrowed,
  pageCount,
  pageSize,
  type ListFilters,
} from './registration-filters.ts';

type Page = OperationResult<'registrations.list'>;
type Loaded = { key: string; page: Page; error: null } | { key: string; page: null; error: ApiError };

const ages = ['child', 'adult'] as const;

/**
 * The office's registrations on the counter home: the search box, the filters and one page of rows.
 * A row opens its verification with the card scanned last (when there is one), so an officer who
 * found the person by name after a scan still compares the card.
 */
export function RegistrationBrowser({
  draft,
  onDraft,
  filters,
  onFilters,
  cards,
  searchRef,
}: {
  draft: string;
  onDraft(text: string): void;
  filters: ListFilters;
  onFilters(filters: ListFilters): void;
  cards: ScannedCardsForRoute | null;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const key = JSON.stringify(filters);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // A sync round that brought something changes the list: the page is read again after each one.
  const [syncedAt, setSyncedAt] = useState<string | null>(null);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name === 'sync.status' && event.payload.lastSuccessAt !== null)
          setSyncedAt(event.payload.lastSuccessAt);
      }),
    [api],
  );

  useEffect(() => {
    let active = true;
    void api.call('registrations.list', { ...filters, pageSize }).then((result) => {
      if (!active) return;
      setLoaded(
        result.ok ? { key, page: result.value, error: null } : { key, page: null, error: result.error },
      );
    });
    return () => {
      active = false;
    };
  }, [api, filters, key, syncedAt]);

  const loading = loaded?.key !== key;
  const change = (next: Partial<ListFilters>) => onFilters({ ...filters, page: 0, ...next });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change({ query: draft.trim() === '' ? null : draft.trim() });
  };

  return (
    <section className="registration-browser" aria-labelledby="registration-browser-title">
      <h2 id="registration-browser-title">{t('counterHome.listTitle')}</h2>
      <form className="search-form" role="search" onSubmit={submit}>
        <label className="search-field">
          <span>{t('counter.searchLabel')}</span>
          <input
            ref={searchRef}
            name="query"
            type="search"
            maxLength={100}
            autoComplete="off"
            placeholder={t('counter.searchPlaceholder')}
            value={draft}
            onChange={(event) => onDraft(event.target.value)}
          />
        </label>
        <button type="submit" className="button-primary" data-action="search">
          {t('counter.search')}
        </button>
        <p className="shortcut-hint" data-testid="search-shortcut">
          <kbd>F3</kbd> / <kbd>/</kbd>: {t('counterHome.shortcutSearch')}
        </p>
      </form>
      <div className="list-filters">
        <label>
          <span>{t('counterHome.filter.status')}</span>
          <select
            name="status"
            value={filters.status ?? ''}
            onChange={(event) =>
              change({
                status: registrationStatuses.find((status) => status === event.target.value) ?? null,
              })
            }
          >
            {registrationStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`counterHome.statusOption.${status}`)}
              </option>
            ))}
            <option value="">{t('counterHome.filter.allStatuses')}</option>
          </select>
        </label>
        <label>
          <span>{t('counterHome.filter.channel')}</span>
          <select
            name="channel"
            value={filters.channel ?? ''}
            onChange={(event) =>
              change({
                channel: registrationChannels.find((channel) => channel === event.target.value) ?? null,
              })
            }
          >
            <option value="">{t('counterHome.filter.allChannels')}</option>
            {registrationChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`channel.${channel}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('counterHome.filter.age')}</span>
          <select
            name="age"
            value={filters.age ?? ''}
            onChange={(event) => change({ age: ages.find((age) => age === event.target.value) ?? null })}
          >
            <option value="">{t('counterHome.filter.allAges')}</option>
            <option value="child">{t('counterHome.filter.child')}</option>
            <option value="adult">{t('counterHome.filter.adult')}</option>
          </select>
        </label>
        {(filtersNarrowed(filters) || filters.query !== null) && (
          <button
            type="button"
            className="button-secondary"
            data-action="clear-filters"
            onClick={() => {
              onDraft('');
              onFilters(defaultFilters);
            }}
          >
            {t('counterHome.clearFilters')}
          </button>
        )}
      </div>
      <ListBody loaded={loaded} loading={loading} filters={filters} onFilters={onFilters} cards={cards} />
    </section>
  );
}

function ListBody({
  loaded,
  loading,
  filters,
  onFilters,
  cards,
}: {
  loaded: Loaded | null;
  loading: boolean;
  filters: ListFilters;
  onFilters(filters: ListFilters): void;
  cards: ScannedCardsForRoute | null;
}) {
  const { t } = useTranslation();
  if (loaded === null) {
    return (
      <p className="list-state" role="status" aria-busy="true">
        {t('counterHome.loading')}
      </p>
    );
  }
  if (loaded.error) {
    return (
      <div className="list-state">
        {loading && (
          <p role="status" aria-busy="true">
            {t('counterHome.loading')}
          </p>
        )}
        <ErrorMessage error={loaded.error} testId="list-error" />
      </div>
    );
  }
  const { rows, total, page } = loaded.page;
  const pages = pageCount(total);
  const status = loading ? t('counterHome.loading') : t('counterHome.total', { count: total });
  if (rows.length === 0) {
    return (
      <div className="list-state">
        <p className="lookup-none" role="status" data-testid="lookup-none" aria-busy={loading}>
          {loading
            ? t('counterHome.loading')
            : filters.query !== null
              ? t('counter.noMatch', { query: filters.query })
              : filtersNarrowed(filters)
                ? t('counterHome.emptyFiltered')
                : t('counterHome.emptyPending')}
        </p>
        {!loading && filters.query !== null && filters.status !== null && (
          <button
            type="button"
            className="button-secondary"
            data-action="search-all-statuses"
            onClick={() => onFilters({ ...filters, status: null, page: 0 })}
          >
            {t('counterHome.searchAllStatuses')}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="list-body" aria-busy={loading}>
      <p className="list-total" role="status">
        {status}
      </p>
      <RegistrationList rows={rows} cards={cards} caption={t('counterHome.listTitle')} />
      <nav className="pager" aria-label={t('counterHome.pager')}>
        <button
          type="button"
          className="button-secondary"
          data-action="page-prev"
          disabled={loading || page === 0}
          onClick={() => onFilters({ ...filters, page: page - 1 })}
        >
          {t('counterHome.previousPage')}
        </button>
        <span data-testid="page-position" data-page={page + 1} data-pages={pages}>
          {t('counterHome.pagePosition', { page: page + 1, pages })}
        </span>
        <button
          type="button"
          className="button-secondary"
          data-action="page-next"
          disabled={loading || page + 1 >= pages}
          onClick={() => onFilters({ ...filters, page: page + 1 })}
        >
          {t('counterHome.nextPage')}
        </button>
      </nav>
    </div>
  );
}

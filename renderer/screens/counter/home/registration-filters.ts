import type { ListArguments } from '../../../../preload/contract/areas/registrations.ts';

/** What the officer asked the list for; `registrations.list` takes it as it is. */
export type ListFilters = Omit<ListArguments, 'pageSize'>;

export const pageSize = 20;

/** The counter home opens on the office's pending registrations, newest first. */
export const defaultFilters: ListFilters = {
  query: null,
  status: 'pending',
  channel: null,
  age: null,
  page: 0,
};

export function filtersNarrowed(filters: ListFilters): boolean {
  return filters.status !== defaultFilters.status || filters.channel !== null || filters.age !== null;
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The view in the URL: `?view=<name>&<filter>=<value>...`, so that a link reproduces what it shows.
 * Filters are named as the API's arguments they map to (family, chemicalClass, mobileIon, source...).
 */

export const VIEWS = ['conductivity', 'arrhenius', 'windows', 'interfaces', 'material', 'search'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface ViewState {
  view: ViewName;
  params: Record<string, string>;
}

/** The state the current URL encodes (the conductivity map when it names no view). */
export function readState(url: URL = new URL(location.href)): ViewState {
  const params: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    if (key !== 'view' && value !== '') params[key] = value;
  });
  const view = url.searchParams.get('view');
  return { view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewName) : 'conductivity', params };
}

/** The relative URL of a state (parameters sorted, empty ones left out). */
export function stateUrl(state: ViewState): string {
  const search = new URLSearchParams({ view: state.view });
  for (const key of Object.keys(state.params).sort()) {
    const value = state.params[key];
    if (value !== undefined && value !== '') search.set(key, value);
  }
  return `?${search.toString()}`;
}

/** Puts a state in the address bar: a new history entry, or in place with `replace`. */
export function writeState(state: ViewState, replace = false): void {
  const url = stateUrl(state);
  if (url === location.search) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

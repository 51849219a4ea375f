/**
 * The dashboard's entry: the view named by the URL drawn into <main>, tabs and the search box, links inside
 * the page followed without a reload, and live updates (the current view drawn again when the API commits
 * a change). What each render did is kept in `window.__interphase` (view, state, points, API requests,
 * milliseconds) and on <main> as data-* attributes, for the browser tests and the timings in bench/.
 */
import { ApiError, inWords, requestCount } from './api.js';
import { disposeCharts } from './charts.js';
import { h } from './dom.js';
import { subscribeToChanges, type LiveStatus } from './live.js';
import { readState, writeState, VIEWS, type ViewName, type ViewState } from './state.js';
import type { View, ViewContext } from './view.js';
import { arrheniusView } from './views/arrhenius.js';
import { conductivityView } from './views/conductivity.js';
import { interfacesView } from './views/interfaces.js';
import { materialView } from './views/material.js';
import { searchView } from './views/search.js';
import { windowsView } from './views/windows.js';

const VIEW_OF: Record<ViewName, View> = {
  conductivity: conductivityView,
  arrhenius: arrheniusView,
  windows: windowsView,
  interfaces: interfacesView,
  material: materialView,
  search: searchView,
};

export interface RenderRecord {
  view: ViewName;
  url: string;
  state: 'loading' | 'ready' | 'error';
  points: number;
  requests: number;
  ms: number;
  error?: string;
}

interface Telemetry {
  renders: RenderRecord[];
  liveUpdates: number;
  live: LiveStatus;
  /** Milliseconds from navigation start to the first view drawn. */
  firstViewMs?: number;
}

const telemetry: Telemetry = { renders: [], liveUpdates: 0, live: 'connecting' };
(window as unknown as { __interphase: Telemetry }).__interphase = telemetry;

const main = document.getElementById('view')!;
const tabs = document.getElementById('tabs')!;
const status = document.getElementById('live-status')!;
let current: ViewState = readState();
let controller: AbortController | null = null;

/** The tabs, made once; a render only moves the selection (so that keyboard focus stays on a tab). */
function drawTabs(active: ViewName): void {
  if (!tabs.firstChild) {
    tabs.append(
      ...VIEWS.map((name) =>
        h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': 'view', onclick: () => go({ view: name, params: name === current.view ? current.params : {} }) }, VIEW_OF[name].title),
      ),
    );
  }
  for (const name of VIEWS) {
    const tab = document.getElementById(`tab-${name}`)!;
    tab.setAttribute('aria-selected', String(name === active));
    tab.setAttribute('tabindex', name === active ? '0' : '-1');
  }
}

/** Arrow keys move between tabs (WAI-ARIA tabs pattern); Enter or Space opens one. */
tabs.addEventListener('keydown', (e) => {
  const buttons = [...tabs.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (i < 0) return;
  const next = e.key === 'ArrowRight' ? (i + 1) % buttons.length : e.key === 'ArrowLeft' ? (i - 1 + buttons.length) % buttons.length : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : -1;
  if (next < 0) return;
  e.preventDefault();
  buttons.forEach((b, j) => b.setAttribute('tabindex', j === next ? '0' : '-1'));
  buttons[next]!.focus();
});

async function render(state: ViewState, reason: 'navigation' | 'live' = 'navigation'): Promise<void> {
  controller?.abort();
  const ctl = new AbortController();
  controller = ctl;
  current = state;
  drawTabs(state.view);
  const before = requestCount;
  const started = performance.now();
  // drawn off-screen inside <main> (so that charts have a size), then swapped in when ready
  const root = h('div', { class: 'view-body staging' });
  const ctx: ViewContext = {
    root,
    params: { ...state.params },
    set: (patch, replace) => go({ view: state.view, params: clean({ ...state.params, ...patch }) }, replace),
    open: (view, params) => go({ view, params }),
    signal: ctl.signal,
    live: reason === 'live',
  };
  main.setAttribute('data-state', 'loading');
  main.setAttribute('aria-busy', 'true');
  if (reason === 'navigation') main.replaceChildren(h('p', { class: 'loading', role: 'status' }, `Loading ${VIEW_OF[state.view].title.toLowerCase()}…`));
  main.querySelectorAll('.view-body.staging').forEach((el) => el.remove());
  main.append(root);
  const record: RenderRecord = { view: state.view, url: location.search, state: 'loading', points: 0, requests: 0, ms: 0 };
  try {
    const result = await VIEW_OF[state.view].render(ctx);
    if (ctl.signal.aborted) return root.remove();
    record.state = 'ready';
    record.points = result.points;
  } catch (e) {
    if (ctl.signal.aborted) return root.remove();
    record.state = 'error';
    record.error = e instanceof ApiError ? e.code : 'PAGE';
    // below what the view drew before failing (its filters, so that a rejected filter can be changed)
    root.append(h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Could not draw this view. '), inWords(e)));
  }
  record.requests = requestCount - before;
  record.ms = Math.round(performance.now() - started);
  telemetry.renders.push(record);
  telemetry.firstViewMs ??= Math.round(performance.now());
  swap(root, reason === 'live');
  main.setAttribute('data-state', record.state);
  main.setAttribute('data-view', state.view);
  main.setAttribute('data-points', String(record.points));
  main.setAttribute('data-requests', String(record.requests));
  main.setAttribute('data-renders', String(telemetry.renders.length));
  main.removeAttribute('aria-busy');
  if (record.error) main.setAttribute('data-error-code', record.error);
  else main.removeAttribute('data-error-code');
}

/**
 * Puts the new view's content in place of the old one; the charts of every other content are disposed.
 * A live redraw keeps what the reader had open: the same data tables open, focus on the control with the same id.
 */
function swap(root: HTMLElement, keep: boolean): void {
  const old = main.querySelector('.view-body:not(.staging)');
  const open = old ? [...old.querySelectorAll('details')].map((d) => d.open) : [];
  const focused = old?.contains(document.activeElement) ? document.activeElement?.id : undefined;
  disposeCharts((el) => !root.contains(el));
  main.replaceChildren(root);
  root.classList.remove('staging');
  if (!keep) return;
  root.querySelectorAll('details').forEach((d, i) => (d.open = open[i] ?? d.open));
  if (focused) document.getElementById(focused)?.focus();
}

function clean(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

function go(state: ViewState, replace = false): void {
  writeState(state, replace);
  void render(state);
}

// links inside the page (?view=...) are followed without a reload
document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
  const href = a.getAttribute('href');
  if (!href?.startsWith('?')) return;
  e.preventDefault();
  go(readState(new URL(href, location.href)));
});

window.addEventListener('popstate', () => void render(readState()));

document.getElementById('search-form')!.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = (document.getElementById('search-input') as HTMLInputElement).value.trim();
  if (q) go({ view: 'search', params: { q } });
});

subscribeToChanges(
  (changes) => {
    telemetry.liveUpdates += 1;
    status.textContent = `live · updated ${new Date().toLocaleTimeString()} (${changes.length} change${changes.length === 1 ? '' : 's'})`;
    void render(current, 'live');
  },
  (s) => {
    telemetry.live = s;
    status.setAttribute('data-live', s);
    if (s !== 'live' || !status.textContent?.startsWith('live')) status.textContent = s === 'live' ? 'live' : s === 'connecting' ? 'connecting…' : 'offline: updates paused';
  },
);

void render(current);

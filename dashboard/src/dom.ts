/** Small DOM helpers shared by the views: elements, tables, filters, export links, provenance. */
import { ApiError, inWords } from './api.js';

type Child = Node | string | number | null | undefined | false;

/** An element with attributes (`on<event>` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/** A link to a DOI at doi.org, or '' without one. */
export function doiLink(doi: string | null | undefined): Node | string {
  if (!doi) return '';
  return h('a', { href: `https://doi.org/${encodeURIComponent(doi).replace(/%2F/gi, '/')}`, target: '_blank', rel: 'noopener' }, `doi:${doi}`);
}

export interface SourceLike {
  review?: { key?: string | null; reviewKey?: string | null; doi?: string | null } | null;
  lines?: number[] | null;
  quote?: string | null;
  dataset?: { name: string } | null;
  recordId?: string | null;
  kind?: string | null;
}
export interface PublicationLike {
  doi?: string | null;
  title?: string | null;
  year?: number | null;
  firstAuthor?: string | null;
}

/** Where we read a fact: the review and its lines, or the dataset and its record (the first level of provenance). */
export function whereRead(source: SourceLike | null | undefined): string {
  if (!source) return '';
  if (source.dataset) return `${source.dataset.name}${source.recordId ? ` record ${source.recordId}` : ''}`;
  const review = source.review?.reviewKey ?? source.review?.key ?? source.kind ?? '';
  const lines = source.lines?.length ? ` line ${source.lines.join(', ')}` : '';
  return `${review}${lines}`;
}

/** Who reported it: the original publication (the second level), as text. */
export function whoReported(p: PublicationLike | null | undefined): string {
  if (!p) return 'no original publication cited';
  const head = [p.firstAuthor, p.year].filter(Boolean).join(' ');
  return [head, p.title, p.doi ? `doi:${p.doi}` : ''].filter(Boolean).join(' · ');
}

/** Both levels of provenance as a cell: the original publication (DOI link) and where we read it. */
export function provenanceCell(source: SourceLike | null | undefined, p: PublicationLike | null | undefined): HTMLElement {
  return h(
    'span',
    { class: 'provenance' },
    p?.doi ? doiLink(p.doi) : h('span', { class: 'muted' }, 'no DOI'),
    p?.title ? h('span', { class: 'muted' }, ` ${p.title}${p.year ? ` (${p.year})` : ''}`) : '',
    h('br'),
    h('span', { class: 'read' }, `read in ${whereRead(source)}`),
  );
}

export interface Column<R> {
  label: string;
  cell: (row: R) => Node | string | number | null | undefined;
}

/** A table of rows (scrollable; the first column a row header). */
export function table<R>(caption: string, columns: Column<R>[], rows: R[]): HTMLElement {
  const head = h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.label)));
  const body = rows.map((r) =>
    h('tr', {}, ...columns.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, cellOf(c.cell(r))) : h('td', {}, cellOf(c.cell(r)))))),
  );
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption }, h('table', {}, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, ...body)));
}

function cellOf(v: Node | string | number | null | undefined): Node | string {
  if (v === null || v === undefined) return '';
  return v instanceof Node ? v : String(v);
}

/** The data behind a chart as a table inside a disclosure (for keyboard and screen-reader users). */
export function dataTable<R>(caption: string, columns: Column<R>[], rows: R[]): HTMLElement {
  return h('details', { class: 'data-table' }, h('summary', {}, `Data table: ${caption} (${rows.length} rows)`), table(caption, columns, rows));
}

export interface FilterField {
  /** The URL parameter and the API argument it maps to. */
  name: string;
  label: string;
  type: 'select' | 'number' | 'text';
  options?: [string, string][];
  placeholder?: string;
  /** Help shown beside it: the API argument it sets. */
  maps: string;
}

/** A filter bar: each control writes its parameter to the URL (`set`), which re-renders the view. */
export function filterBar(params: Record<string, string>, fields: FilterField[], set: (patch: Record<string, string | undefined>) => void): HTMLElement {
  const controls = fields.map((f) => {
    const id = `filter-${f.name}`;
    const value = params[f.name] ?? '';
    let control: HTMLInputElement | HTMLSelectElement;
    if (f.type === 'select') {
      control = h('select', { id, name: f.name }, h('option', { value: '' }, 'any'), ...(f.options ?? []).map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
    } else {
      control = h('input', { id, name: f.name, type: f.type, value, placeholder: f.placeholder, step: f.type === 'number' ? 'any' : undefined, size: 10 });
    }
    control.addEventListener('change', () => set({ [f.name]: control.value || undefined }));
    return h('div', { class: 'filter' }, h('label', { for: id, title: `API: ${f.maps}` }, f.label), control);
  });
  return h('form', { class: 'filters', role: 'search', 'aria-label': 'Filters', onsubmit: (e: Event) => e.preventDefault() }, ...controls);
}

export interface ExportLink {
  label: string;
  href: string;
}

/**
 * Download links for the data behind a chart (CSV with provenance) and its citations (BibTeX). A click
 * fetches the file, so that an error the API answers (a 400 naming the parameter, 503 EXPORTS_BUSY) is
 * shown in words beside the links instead of being saved as the file.
 */
export function exportBar(links: ExportLink[]): HTMLElement {
  const status = h('span', { class: 'export-status', role: 'status', 'aria-live': 'polite' });
  const anchors = links.map((l) => h('a', { href: l.href, download: '', class: 'button', onclick: (e: Event) => void download(e, l, status) }, l.label));
  return h('nav', { class: 'exports', 'aria-label': 'Downloads' }, 'Download: ', ...anchors, status);
}

async function download(e: Event, link: ExportLink, status: HTMLElement): Promise<void> {
  e.preventDefault();
  status.textContent = `Preparing ${link.label}…`;
  status.classList.remove('error');
  try {
    const res = await fetch(link.href);
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
      const first = body?.errors?.[0];
      throw new ApiError(first?.extensions?.code ?? (res.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT'), first?.message ?? `HTTP ${res.status}`);
    }
    const url = URL.createObjectURL(await res.blob());
    const file = new URL(link.href, location.href).pathname.split('/').pop() ?? 'export';
    h('a', { href: url, download: file }).click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `${link.label} downloaded (${file}).`;
  } catch (err) {
    status.classList.add('error');
    status.textContent = `The download failed. ${inWords(err)}`;
  }
}

/** A number with `digits` significant digits, or '—'. */
export function fmt(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : Number(v.toPrecision(digits)).toString();
}

/** Escapes text for ECharts' HTML tooltips. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

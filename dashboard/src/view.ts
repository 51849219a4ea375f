/** What every view is given and gives back. */
import type { ViewName } from './state.js';

export interface ViewContext {
  /** The element the view draws into (emptied before each render). */
  root: HTMLElement;
  /** The view's parameters from the URL (filters named as the API arguments they set). */
  params: Record<string, string>;
  /** Changes parameters of this view (undefined removes one): a new URL and a new render. */
  set(patch: Record<string, string | undefined>, replace?: boolean): void;
  /** Opens another view (e.g. a material page from a point of a chart). */
  open(view: ViewName, params: Record<string, string>): void;
  /** Aborted when the view is left or drawn again. */
  signal: AbortSignal;
  /** True when drawn again because the API committed a change: nothing may be read from a cache. */
  live: boolean;
}

export interface Rendered {
  /** Data points drawn (points, bars, cells, facts listed): the tests compare them with the API's answer. */
  points: number;
}

export interface View {
  name: ViewName;
  title: string;
  render(ctx: ViewContext): Promise<Rendered>;
}

/** Title-cases an enum value: 'CHEMICAL_CLASS' → 'Chemical class'. */
export function words(value: string | null | undefined): string {
  if (!value) return '—';
  const w = value.toLowerCase().replace(/_/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** A structural family as the API names it, underscores as spaces ('LGPS', 'NASICON', 'BETA ALUMINA'); 'no family' for none. */
export function familyLabel(family: string | null | undefined): string {
  return family ? family.replace(/_/g, ' ') : 'no family';
}

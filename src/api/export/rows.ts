/**
 * A node of a page → one flat row: every column's value read along its path (through lists: the values
 * of every item, in order), and the provenance columns. A cell holds null (nothing there), one value, or
 * several values (an array: the CSV writer joins them with '; ', JSON Lines keeps the array).
 */
import { PROVENANCE_COLUMNS, type Column, type ExportPlan } from './exportPlan.js';

type Scalar = string | number | boolean;
export type Cell = Scalar | null | (Scalar | null)[];
export type Row = Record<string, Cell>;

/** The printed name of the columns of a plan's rows, provenance last. */
export function columnNames(plan: ExportPlan): string[] {
  return [...plan.columns.map((c) => c.name), ...PROVENANCE_COLUMNS[plan.provenance]];
}

export function rowOf(plan: ExportPlan, node: Record<string, unknown>): Row {
  const row: Row = {};
  for (const column of plan.columns) row[column.name] = cellAt(node, column);
  Object.assign(row, provenanceCells(plan, node));
  return row;
}

/**
 * The value at a column's path: one value (or null) when the path crosses no list; an array with one entry per
 * list item when it does, null where an item has no value, so that the columns of one list stay aligned
 * (`publications.doi` and `publications.year` give the same number of entries).
 */
function cellAt(node: unknown, column: Column): Cell {
  let current: unknown[] = [node];
  let list = false;
  for (const key of column.path) {
    const next: unknown[] = [];
    for (const v of current) {
      const x = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : null;
      if (Array.isArray(x)) {
        list = true;
        next.push(...(x as unknown[]));
      } else next.push(x ?? null);
    }
    current = next;
  }
  const values = current.map((v) => (v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Scalar)));
  return list ? values : (values[0] ?? null);
}

function cellOf(values: Scalar[]): Cell {
  if (values.length === 0) return null;
  return values.length === 1 ? values[0]! : values;
}

/** What a publication is printed as in a provenance column: "Gao et al., Adv. Mater. 30, 1705702 (2018)". */
export function publicationText(p: PublicationFields | null | undefined): string | null {
  if (!p) return null;
  const who = p.firstAuthor ? `${p.firstAuthor}${p.authors && p.authors.includes(';') ? ' et al.' : ''}` : null;
  const where = [p.journal, p.volume].filter(Boolean).join(' ') + (p.firstPage ? `, ${p.firstPage}` : '');
  const parts = [who, where || null].filter(Boolean).join(', ');
  const text = parts + (p.year ? ` (${p.year})` : '');
  return text.trim() === '' ? p.key : text;
}

/** The fields of Publication an export reads (PUBLICATION_FIELDS). */
export interface PublicationFields {
  key: string;
  doi: string | null;
  authors: string | null;
  firstAuthor: string | null;
  title: string | null;
  journal: string | null;
  volume: string | null;
  firstPage: string | null;
  year: number | null;
  url: string | null;
  isReview: boolean;
  /** The review's short key (banerjee2020) for the five reviews, else null. */
  reviewKey: string | null;
}

/** The fields of Dataset an export reads (DATASET_FIELDS). */
export interface DatasetFields {
  id: string;
  name: string;
  citation: string;
  doi: string | null;
  license: string;
  licenseUrl: string;
  url: string;
  version: string;
}

interface SourceFields {
  kind: string;
  line: number | null;
  lines: number[];
  quote: string | null;
  recordId: string | null;
  review: PublicationFields | null;
  dataset: DatasetFields | null;
}

function provenanceCells(plan: ExportPlan, node: Record<string, unknown>): Row {
  if (plan.provenance === 'dataset') {
    const d = node._exportDataset as DatasetFields | null;
    return { 'provenance.dataset': d?.name ?? null, 'provenance.licence': d?.license ?? null, 'provenance.datasetCitation': d?.citation ?? null };
  }
  if (plan.provenance === 'none') return {};
  const s = node._exportSource as SourceFields | null;
  const p = node._exportPublication as PublicationFields | null;
  return {
    'provenance.doi': p?.doi ?? null,
    'provenance.publication': publicationText(p),
    'provenance.review': s?.review ? (s.review.reviewKey ?? s.review.key) : null,
    'provenance.reviewLine': s && s.lines.length > 0 ? cellOf(s.lines) : (s?.line ?? null),
    'provenance.quote': s?.quote ?? null,
    'provenance.dataset': s?.dataset?.name ?? null,
    'provenance.datasetRecord': s?.recordId ?? null,
    'provenance.licence': s?.dataset?.license ?? null,
  };
}

/** The publications and datasets a node cites (for BibTeX and CSL-JSON): its own, the review it was read in, its dataset. */
export function citedBy(plan: ExportPlan, node: Record<string, unknown>): { publications: PublicationFields[]; datasets: DatasetFields[] } {
  if (plan.publicationRows) return { publications: [node as unknown as PublicationFields], datasets: [] };
  if (plan.provenance === 'dataset') return { publications: [], datasets: [node._exportDataset as DatasetFields].filter(Boolean) };
  const s = node._exportSource as SourceFields | null;
  const publications = [node._exportPublication as PublicationFields | null, ...((node._exportPublications as PublicationFields[] | undefined) ?? []), s?.review ?? null];
  return { publications: publications.filter((p): p is PublicationFields => !!p), datasets: s?.dataset ? [s.dataset] : [] };
}

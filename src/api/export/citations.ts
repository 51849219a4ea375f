/**
 * The citations behind an export as CSL-JSON (the Citation Style Language's data format, which Zotero,
 * Mendeley and citeproc read; schema: https://github.com/citation-style-language/schema) and as BibTeX,
 * written by citation-js (@citation-js/core with @citation-js/plugin-bibtex; Willighagen, PeerJ Comput.
 * Sci. 5:e214 (2019), doi:10.7717/peerj-cs.214).
 * A publication → an `article-journal` item keyed by its key in the graph; a dataset → a `dataset` item
 * whose note gives the citation its authors ask for and its licence.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { DatasetFields, PublicationFields } from './rows.js';

export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'article-journal' | 'dataset';
  title?: string;
  author?: ({ family: string; given?: string } | { literal: string })[];
  'container-title'?: string;
  volume?: string;
  page?: string;
  issued?: { 'date-parts': number[][] };
  DOI?: string;
  URL?: string;
  version?: string;
  note?: string;
}

const INITIALS = /^(\p{Lu}\p{Ll}?\.?[\s-]*)+$/u;

/**
 * Authors as printed in a reference list → CSL names. Both ways the sources print them are read:
 * "Gao, Z.; Sun, H.; Fu, L." and "Yi, E., Wang, W., Kieffer, J. & Laine, R. M."; a trailing "et al." is
 * dropped; a name without initials is kept as a family name alone.
 */
export function authorsOf(authors: string | null, firstAuthor: string | null): CslItem['author'] {
  const text = (authors ?? '').replace(/\s*,?\s*et al\.?\s*$/i, '').trim();
  const names = text.includes(';') ? text.split(';').map(oneName).filter((n) => n !== null) : listedNames(text);
  if (names.length > 0) return names;
  return firstAuthor ? [{ family: firstAuthor }] : undefined;
}

function oneName(text: string): { family: string; given?: string } | null {
  const [family, ...given] = text.split(',').map((s) => s.trim());
  if (!family) return null;
  return given.join(', ') ? { family, given: given.join(', ') } : { family };
}

function listedNames(text: string): { family: string; given?: string }[] {
  const tokens = text
    .replace(/\s*(&|\band\b)\s*/g, ', ')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const names: { family: string; given?: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (next !== undefined && INITIALS.test(next)) {
      names.push({ family: tokens[i]!, given: next });
      i++;
    } else names.push({ family: tokens[i]! });
  }
  return names;
}

/** A BibTeX key from a graph key: letters, digits and '_' kept, anything else '_' (what every BibTeX reader takes). */
export function citationKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_');
}

export function publicationItem(p: PublicationFields): CslItem {
  return dropEmpty({
    id: p.key,
    'citation-key': citationKey(p.reviewKey ?? p.key),
    type: 'article-journal',
    title: p.title ?? undefined,
    author: authorsOf(p.authors, p.firstAuthor),
    'container-title': p.journal ?? undefined,
    volume: p.volume ?? undefined,
    page: p.firstPage ?? undefined,
    issued: p.year ? { 'date-parts': [[p.year]] } : undefined,
    DOI: p.doi ?? undefined,
    URL: p.url ?? undefined,
  });
}

export function datasetItem(d: DatasetFields): CslItem {
  return dropEmpty({
    id: `dataset:${d.id}`,
    'citation-key': citationKey(`dataset:${d.id}`),
    type: 'dataset',
    title: d.name,
    version: d.version || undefined,
    DOI: d.doi ?? undefined,
    URL: d.url || undefined,
    note: `Cite as: ${d.citation}. Licence: ${d.license}${d.licenseUrl ? ` (${d.licenseUrl})` : ''}.`,
  });
}

export function bibtexOf(items: CslItem[]): string {
  return items.length === 0 ? '' : String(new Cite(items).format('bibtex'));
}

function dropEmpty<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== '')) as T;
}

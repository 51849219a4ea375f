/**
 * The identity of a cited paper when no DOI is known: the reviews' reference lists carry none, so the
 * same paper in two lists (under different numbers and styles) is recognised by its first author's
 * surname, year, volume and first page, or, without volume and page, by surname, year and title.
 */

export interface CitedWork {
  firstAuthor: string;
  year: number | null;
  volume: string | null;
  firstPage: string | null;
  title: string | null;
}

/** Lower-case ASCII letters only: 'Dühnen' → 'duhnen', 'Spencer Jolly' → 'spencerjolly'. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function foldToken(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** 'pub:placke-2017-21-1939', or 'pub:placke-2017-t-lithiumionlithiummetalandalternativerech' without volume/page. */
export function publicationKey(w: CitedWork): string {
  const author = foldName(w.firstAuthor) || 'anonymous';
  const year = w.year ?? 'nd';
  const volume = w.volume ? foldToken(w.volume) : '';
  const page = w.firstPage ? foldToken(w.firstPage) : '';
  if (volume && page) return `pub:${author}-${year}-${volume}-${page}`;
  const title = foldName(w.title ?? '').slice(0, 40);
  return `pub:${author}-${year}-t-${title || 'untitled'}`;
}

/**
 * Full-text search over material names and aliases, publication titles and every text field of every
 * fact (graph/search.store.ts), best hits first, with Relay-style pagination.
 *
 * The user's text is never read as Lucene syntax: it is normalised (Unicode NFKC, so `Li₆PS₅Cl` is
 * `Li6PS5Cl`), split into words at white space, and each word becomes one quoted phrase with `\` and `"`
 * escaped; inside a phrase no other character has a meaning (`*`, `~`, `(`, `:`, `AND` are literal), so a
 * search is always a literal search for all the words (AND). Words without a letter or digit carry no
 * token for the index and are left out.
 */
import type { Row } from '../graph/database.js';
import type { NodePlan } from '../graph/query/plan.js';
import { SEARCH_KINDS, SEARCH_NODE_KIND, type SearchField, type SearchKind, type SearchStore } from '../graph/search.store.js';
import { excerpt } from '../domain/errors.js';
import { nameKey } from '../domain/materialNames.js';
import { InvalidArgumentError } from './errors.js';
import { checkMaterialNames } from './materialRef.js';
import { checkPageSize, decodeCursor, encodeCursor, type Connection } from './pagination.js';
import type { ListService } from './query/list.service.js';
import type { SelectedField } from './query/selection.js';

export { SEARCH_KINDS };

/** Longest search text (characters) and most words. */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 12;
/** Characters of a matching field shown around the first match. */
const EXCERPT_LENGTH = 160;
const CURSOR_KIND = 'search';

export interface SearchHitView {
  kind: SearchKind;
  score: number;
  /** The field that matched: name, formula, description, id, alias, variant, title, quote, note, productsText... */
  field: string;
  /** Its text (an excerpt around the first matching word when long). */
  text: string;
  /** The review where a matching alias holds, or that states a matching fact; null otherwise. */
  review: string | null;
  /** The node's selected fields as the compiled lists return them, tagged with its kind for the GraphQL union. */
  node: Row & { searchKind: SearchKind };
}

/** What the request selects of a search: its count, each hit's matching field, and of each kind of node its fields. */
export interface SearchSelection {
  totalCount: boolean;
  /** `field`, `text` or `review` of a hit. */
  matchingField: boolean;
  /** The selection of the hit's node for each kind (its GraphQL type's fragment); null when `node` is not selected. */
  nodes: Record<SearchKind, SelectedField> | null;
}

/** The Lucene query for a user's text: every word a quoted, escaped phrase, all required. */
export function luceneQuery(text: string): string {
  const t = text.normalize('NFKC').trim();
  if (!t) throw new InvalidArgumentError('text', 'is empty');
  if (t.length > MAX_SEARCH_LENGTH) throw new InvalidArgumentError('text', `has ${t.length} characters; at most ${MAX_SEARCH_LENGTH}`);
  const words = t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) throw new InvalidArgumentError('text', `'${excerpt(t)}' has no letter or digit to search for`);
  if (words.length > MAX_SEARCH_WORDS) throw new InvalidArgumentError('text', `has ${words.length} words; at most ${MAX_SEARCH_WORDS}`);
  return words.map((w) => `"${w.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' AND ');
}

export class SearchService {
  constructor(
    private readonly store: SearchStore,
    private readonly lists: ListService,
  ) {}

  /**
   * A page of hits with what `selection` asks of them, in one statement: the nodes' fields are compiled as the
   * compiled lists compile them (QueryTooComplexError when the page of the costliest kind exceeds QUERY_MAX_COST).
   */
  async search(
    text: string,
    kinds: readonly SearchKind[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    selection: SearchSelection,
  ): Promise<Connection<SearchHitView>> {
    const query = luceneQuery(text);
    const size = checkPageSize(first);
    const skip = searchOffset(after);
    const wanted = kinds && kinds.length > 0 ? [...new Set(kinds)] : [...SEARCH_KINDS];
    const nodes = await this.nodePlans(wanted, selection);
    this.lists.checkCost(Object.values(nodes ?? {}), size, 1 + (selection.totalCount ? 1 : 0) + size * 5);
    const page = await this.store.search({ query, kinds: wanted, skip, limit: size + 1, totalCount: selection.totalCount, fields: selection.matchingField, nodes });
    checkMaterialNames(page.names);
    const items = page.items.slice(0, size);
    const words = text.normalize('NFKC').trim().split(/\s+/).map(matchKey).filter(Boolean);
    const edges = items.map((hit, i) => ({
      cursor: encodeCursor(CURSOR_KIND, String(skip + i + 1)),
      node: {
        kind: hit.kind,
        score: hit.score,
        ...(selection.matchingField ? matchingField(hit.fields, words) : NO_FIELD),
        node: { ...(hit.node ?? {}), searchKind: hit.kind },
      },
    }));
    return {
      totalCount: page.totalCount ?? 0,
      pageInfo: {
        hasNextPage: page.items.length > size,
        hasPreviousPage: skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      edges,
    };
  }

  /** The node plan of each kind searched, when the hits' nodes are selected. */
  private async nodePlans(kinds: readonly SearchKind[], selection: SearchSelection): Promise<Partial<Record<SearchKind, NodePlan>> | null> {
    if (!selection.nodes) return null;
    const plans: Partial<Record<SearchKind, NodePlan>> = {};
    for (const k of kinds) plans[k] = await this.lists.planNode(SEARCH_NODE_KIND[k], selection.nodes[k]);
    return plans;
  }
}

/** A hit's matching field when none of `field`, `text`, `review` is selected (never returned). */
const NO_FIELD = { field: '', text: '', review: null };

/** The offset a cursor stands for (0 without one). */
function searchOffset(after: string | null | undefined): number {
  const key = decodeCursor(CURSOR_KIND, after);
  if (key === null) return 0;
  if (!/^\d{1,9}$/.test(key)) throw new InvalidArgumentError('after', 'is not a search cursor returned by this API');
  return Number(key);
}

/** Letters and digits only, lower case: how a word and a field are compared to find the field that matched. */
function matchKey(s: string): string {
  return nameKey(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The first field holding one of the words (else the first field), with an excerpt around the match. */
function matchingField(fields: readonly SearchField[], words: readonly string[]): Pick<SearchHitView, 'field' | 'text' | 'review'> {
  const scored = fields.map((f) => {
    const key = ` ${matchKey(f.text)} `;
    return { f, hits: words.filter((w) => key.includes(` ${w} `) || key.includes(w)).length };
  });
  const best = scored.reduce((a, b) => (b.hits > a.hits ? b : a), scored[0] ?? { f: { field: 'none', text: '', review: null }, hits: 0 });
  return { field: best.f.field, text: around(best.f.text, words), review: best.f.review };
}

function around(text: string, words: readonly string[]): string {
  if (text.length <= EXCERPT_LENGTH) return text;
  const lower = text.normalize('NFKC').toLowerCase();
  const at = Math.max(0, ...words.map((w) => lower.indexOf(w.split(' ')[0]!)).filter((i) => i >= 0).slice(0, 1));
  const start = Math.max(0, Math.min(at - 40, text.length - EXCERPT_LENGTH));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + EXCERPT_LENGTH)}${start + EXCERPT_LENGTH < text.length ? '…' : ''}`;
}

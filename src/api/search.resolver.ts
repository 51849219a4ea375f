import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { SearchKind } from '../graph/search.store.js';
import { SEARCH_KINDS, type SearchSelection } from '../services/search.service.js';
import { InvalidArgumentError } from '../services/errors.js';
import { children, type SelectedField } from '../services/query/selection.js';
import { PageArgs } from './connection.type.js';
import type { Context } from './context.js';
import { SearchHitConnection, SearchKindEnum, TYPE_OF_KIND } from './search.type.js';
import { selectionOf } from './selection.js';

@Resolver()
export class SearchResolver {
  @Query(() => SearchHitConnection, {
    description:
      'Full-text search over material names, formulas, descriptions, registry ids, aliases and abbreviations (each in the review where it ' +
      'holds), publication titles, and every fact\'s quote, note and fields kept as printed, through Neo4j full-text indexes (Lucene, ' +
      "analyzer 'standard-no-stop-words': case-insensitive; a formula such as Li6PS5Cl is one word, Li2S-P2S5 two). Every word of `text` " +
      'must occur (AND); words are matched literally: Lucene syntax (quotes, `*`, `~`, `(`, `:`, AND/OR) has no meaning here, and words ' +
      'without a letter or digit are left out. Hits best first (score, then kind and id); `first`: 0–100 (default 20); `after`: an ' +
      '`endCursor` (cursors are positions in the ranking). One Cypher statement, the hits\' nodes and what is selected under them ' +
      'included; `totalCount` is counted only when selected. Errors: BAD_USER_INPUT naming the argument (`text` empty, longer than 200 ' +
      'characters, more than 12 words or without any letter or digit; a malformed cursor; `first` out of range); QUERY_TOO_COMPLEX when ' +
      'the page with what is nested under its hits exceeds the cost limit; DATABASE_UNAVAILABLE.',
  })
  search(
    @Ctx() ctx: Context,
    @Arg('text', () => String, { description: "Words to find, e.g. 'LLZTO', 'Li2S-P2S5 glass', 'argyrodite lithium metal'." }) text: string,
    @Arg('kinds', () => [SearchKindEnum], { nullable: true, description: 'Only hits of these kinds; all kinds when absent or empty.' }) kinds: SearchKind[] | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.search.search(text, kinds, first, after, searchSelection(selectionOf(info)));
  }
}

/**
 * What a request selects of `search`: the count, the hits' matching field, and the fields of each node type
 * (fragments on the type, on `Fact` and on the union merged; every alias of `edges`, of a hit and of its `node`
 * merged, as they all read the same hit).
 */
function searchSelection(search: SelectedField): SearchSelection {
  const hits = children(search, 'edges').flatMap((e) => children(e, 'node'));
  const nodes = hits.flatMap((h) => children(h, 'node'));
  const ofType = (kind: SearchKind): SelectedField => ({ ...nodes[0]!, fields: sameKeysAgree(nodes.flatMap((n) => n.byType?.[TYPE_OF_KIND[kind]] ?? [])) });
  return {
    totalCount: children(search, 'totalCount').length > 0,
    matchingField: hits.some((h) => ['field', 'text', 'review'].some((f) => children(h, f).length > 0)),
    nodes: nodes.length > 0 ? (Object.fromEntries(SEARCH_KINDS.map((k) => [k, ofType(k)])) as Record<SearchKind, SelectedField>) : null,
  };
}

/**
 * The fields of a node asked under several aliases, one per response key: a key asked twice with different
 * arguments (`a: node { ... on Material { m: measurements(first: 1) } } b: node { ... on Material { m: measurements } }`)
 * would read one value for both, so it is refused.
 */
function sameKeysAgree(fields: readonly SelectedField[]): SelectedField[] {
  const byKey = new Map<string, SelectedField>();
  for (const f of fields) {
    const known = byKey.get(f.key);
    if (known && (known.name !== f.name || JSON.stringify(known.args) !== JSON.stringify(f.args))) {
      throw new InvalidArgumentError(`search.edges.node.node.${f.key}`, 'is asked twice with different fields or arguments under aliases of the same hit; give each its own response key');
    }
    if (!known || f.fields.length > 0) byKey.set(f.key, known ? { ...f, fields: sameKeysAgree([...known.fields, ...f.fields]) } : f);
  }
  return [...byKey.values()];
}

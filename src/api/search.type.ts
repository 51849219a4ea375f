/**
 * The full-text search: SearchKind, SearchHit (kind, score, matching field and excerpt, the node as its
 * own GraphQL type through the SearchNode union) and its connection.
 */
import { NonNegativeIntResolver } from 'graphql-scalars';
import { createUnionType, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { SEARCH_KINDS, type SearchKind } from '../graph/search.store.js';
import { PageInfo } from './connection.type.js';
import { Cell, Claim, CoatingApplication, InterphaseObservation, ReportedStabilityWindow } from './literature.type.js';
import { Material } from './material.type.js';
import { Measurement } from './measurement.type.js';
import { Publication } from './publication.type.js';

export const SearchKindEnum = Object.fromEntries(SEARCH_KINDS.map((k) => [k, k])) as { [K in SearchKind]: K };
registerEnumType(SearchKindEnum, {
  name: 'SearchKind',
  description: 'What a search hit is.',
  valuesConfig: {
    MATERIAL: { description: "A material: its curated name, formula, description, registry id, an alias or abbreviation, or a polymorph's name." },
    PUBLICATION: { description: 'A publication: its title.' },
    MEASUREMENT: { description: 'A measurement: its quote, note or printed property text.' },
    STABILITY_WINDOW: { description: 'A reported stability window: its quote, note, method or limits as printed.' },
    INTERPHASE_OBSERVATION: { description: 'An interphase observation: its quote, note, products, character, counterpart or conditions as printed, or what a technique showed (evidence).' },
    COATING_APPLICATION: { description: 'A coating application: its quote, note, method, substrate or effect as printed.' },
    CELL: { description: 'A cell: its quote, note, results or conditions as printed.' },
    CLAIM: { description: 'A claim (mechanism, criterion, target, route...): its statement, quote or note.' },
  },
});

/** The GraphQL type of each kind of hit. */
export const TYPE_OF_KIND: Record<SearchKind, string> = {
  MATERIAL: 'Material',
  PUBLICATION: 'Publication',
  MEASUREMENT: 'Measurement',
  STABILITY_WINDOW: 'ReportedStabilityWindow',
  INTERPHASE_OBSERVATION: 'InterphaseObservation',
  COATING_APPLICATION: 'CoatingApplication',
  CELL: 'Cell',
  CLAIM: 'Claim',
};

export const SearchNode = createUnionType({
  name: 'SearchNode',
  description: 'The node a search hit is: a material, a publication or a fact, as its own type.',
  types: () => [Material, Publication, Measurement, ReportedStabilityWindow, InterphaseObservation, CoatingApplication, Cell, Claim] as const,
  // the service tags each node (a compiled row, a plain object) with its kind
  resolveType: (value) => TYPE_OF_KIND[(value as unknown as { searchKind: SearchKind }).searchKind],
});

@ObjectType({ description: 'One hit of a full-text search: what matched, where, how well, and the node itself.' })
export class SearchHit {
  @Field(() => SearchKindEnum, { description: 'What the node is.' })
  kind!: SearchKind;

  @Field(() => Float, { description: "Lucene's relevance score (BM25) of the hit; higher is better. Comparable within one search only." })
  score!: number;

  @Field(() => String, {
    description:
      "The field that matched: for materials 'name', 'formula', 'description', 'id' (registry id), 'alias' or 'variant' (a polymorph's name); " +
      "for publications 'title'; for claims 'statement'; for facts 'quote', 'note', a field kept as printed ('productsText', 'characterText', 'methodText', 'effectText', 'resultText'...) or 'evidence' (what a technique showed).",
  })
  field!: string;

  @Field(() => String, { description: 'The text of that field, cut to about 160 characters around the first matching word.' })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: "The review the match comes from: where a matching alias holds, or the review that states a matching fact (see the fact's `source` for the line). Null for names valid in every review, titles and dataset records.",
  })
  review!: string | null;

  @Field(() => SearchNode, { description: 'The material, publication or fact.' })
  node!: typeof SearchNode;
}

@ObjectType({ description: 'One search hit of a page, with its cursor.' })
export class SearchHitEdge {
  @Field(() => String, { description: 'Opaque cursor of this hit; pass as `after` to continue after it.' })
  cursor!: string;

  @Field(() => SearchHit, { description: 'The hit.' })
  node!: SearchHit;
}

@ObjectType({ description: 'A page of search hits, best first (score, then kind and id).' })
export class SearchHitConnection {
  @Field(() => NonNegativeIntResolver, { description: 'Hits over all pages.' })
  totalCount!: number;

  @Field(() => PageInfo, { description: 'Where this page is in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => [SearchHitEdge], { description: 'The hits of this page, best first.' })
  edges!: SearchHitEdge[];
}

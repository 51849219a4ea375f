import { NonNegativeIntResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Material } from './material.type.js';

@ObjectType({ description: 'Relay page information (https://relay.dev/graphql/connections.htm).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was requested with `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null for an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'A material in a page, with its cursor.' })
export class MaterialEdge {
  @Field(() => String, { description: 'Opaque cursor of this material; pass as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Material, { description: 'The material.' })
  node!: Material;
}

@ObjectType({ description: 'A page of materials, ordered by id.' })
export class MaterialConnection {
  @Field(() => NonNegativeIntResolver, { description: 'Materials matching the filter, over all pages.' })
  totalCount!: number;

  @Field(() => PageInfo, { description: 'Where this page is in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => [MaterialEdge], { description: 'The materials of this page, ordered by id.' })
  edges!: MaterialEdge[];
}

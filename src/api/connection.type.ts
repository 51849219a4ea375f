import { NonNegativeIntResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Material } from './material.type.js';

@ObjectType({ description: 'Relay page information (https://relay.dev/graphql/connections.htm).' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was requested with `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType()
export class MaterialEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Material)
  node!: Material;
}

@ObjectType({ description: 'A page of materials, ordered by id.' })
export class MaterialConnection {
  @Field(() => NonNegativeIntResolver, { description: 'Materials matching the filter, over all pages.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [MaterialEdge])
  edges!: MaterialEdge[];
}

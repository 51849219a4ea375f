import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { PropertyKind } from '../domain/units/properties.js';
import type { Context } from './context.js';
import { MaterialConnection } from './connection.type.js';
import { MeasuredPropertyEnum } from './enums.js';
import { Material } from './material.type.js';
import { MaterialWhere } from './material.input.js';
import { Measurement } from './measurement.type.js';

@Resolver(() => Material)
export class MaterialResolver {
  @Query(() => MaterialConnection, {
    description:
      'Materials, Relay-paginated and ordered by id. `first`: 0–100 (default 20); `after`: an `endCursor` from a ' +
      'previous page. Errors: BAD_USER_INPUT naming the argument (unreadable formula, unknown element, bad cursor, ' +
      '`first` out of range); DATABASE_UNAVAILABLE.',
  })
  materials(
    @Ctx() ctx: Context,
    @Arg('where', () => MaterialWhere, { nullable: true, description: 'Filters; all given must hold.' }) where: MaterialWhere | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0–100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts: a previous page\'s `pageInfo.endCursor`.' })
    after: string | null,
  ) {
    return ctx.services.materials.list(where, first, after);
  }

  @Query(() => Material, {
    nullable: true,
    description: "A material by id (its composition key, e.g. 'Ge1Li10P2S12'); null if none. BAD_USER_INPUT for a malformed id.",
  })
  material(@Ctx() ctx: Context, @Arg('id', () => ID, { description: "Composition key, e.g. 'Ge1Li10P2S12'." }) id: string) {
    return ctx.services.materials.byId(id);
  }

  @FieldResolver(() => [Measurement], { description: 'Measured property values of this material, from every source, ordered by id.' })
  measurements(
    @Root() material: Material,
    @Ctx() ctx: Context,
    @Arg('property', () => MeasuredPropertyEnum, { nullable: true, description: 'Only measurements of this property.' })
    property: PropertyKind | null,
  ) {
    return ctx.services.materials.measurements(material.id, property);
  }
}

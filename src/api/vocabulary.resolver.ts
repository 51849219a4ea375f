import { NonNegativeIntResolver } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import type { Technique } from '../domain/vocabulary.js';
import { MaterialConnection } from './connection.type.js';
import { CompiledPageArgs } from './query.input.js';
import { compiledOr, selectionOf } from './selection.js';
import type { Context } from './context.js';
import { StructuralFamilyEnum } from './enums.js';
import { Interface, InterphaseObservation, ReportedStabilityWindow } from './literature.type.js';
import { Measurement } from './measurement.type.js';
import { CharacterizationTechnique, MaterialFamily } from './vocabulary.type.js';

@Resolver(() => MaterialFamily)
export class MaterialFamilyResolver {
  @Query(() => [MaterialFamily], {
    description: 'Every structural family of the vocabulary; their `materials` are one Cypher statement for all families (one per alias of the field).',
  })
  structuralFamilies(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.services.lists.withFamilyMaterials(ctx.services.vocabulary.families(), selectionOf(info));
  }

  @Query(() => MaterialFamily, { description: 'One structural family.' })
  async structuralFamily(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Arg('id', () => StructuralFamilyEnum, { description: 'The family.' }) id: StructuralFamily) {
    return (await ctx.services.lists.withFamilyMaterials([ctx.services.vocabulary.family(id)], selectionOf(info)))[0];
  }

  @FieldResolver(() => NonNegativeIntResolver, { description: 'Materials any source places in this family.' })
  materialCount(@Root() f: MaterialFamily, @Ctx() ctx: Context) {
    return ctx.services.vocabulary.materialCount(f.id);
  }

  @FieldResolver(() => MaterialConnection, {
    description:
      'The compositions and named materials any source places in the family, ordered by id (as `materials(where: {family})`), compiled ' +
      'with the materials of the other families selected into one Cypher statement. `first`: 0–1000 (default 20); `after`: an `endCursor` ' +
      'of this field (it applies to every family of the list). Errors: BAD_USER_INPUT naming the argument (`first` out of range, a bad ' +
      'cursor); QUERY_TOO_COMPLEX when the estimated cost (the page\'s, once per family) is over the limit (nothing run).',
  })
  materials(@Root() f: MaterialFamily, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Args(() => CompiledPageArgs) { first, after }: CompiledPageArgs) {
    return compiledOr(f, info, async () => (await ctx.services.lists.familyMaterials([f.id], { first, after }, selectionOf(info))).get(f.id));
  }

  @FieldResolver(() => [Measurement], { description: 'Values the reviews state for the family as a whole.' })
  measurements(@Root() f: MaterialFamily, @Ctx() ctx: Context) {
    return ctx.services.vocabulary.familyMeasurements(f.id);
  }

  @FieldResolver(() => [ReportedStabilityWindow], { description: 'Stability statements about the family as a whole (e.g. anion-chemistry trends).' })
  reportedStabilityWindows(@Root() f: MaterialFamily, @Ctx() ctx: Context) {
    return ctx.services.vocabulary.familyWindows(f.id);
  }

  @FieldResolver(() => [Interface], { description: 'Interfaces observed for the family as a whole.' })
  interfaces(@Root() f: MaterialFamily, @Ctx() ctx: Context) {
    return ctx.services.vocabulary.familyInterfaces(f.id);
  }
}

@Resolver(() => CharacterizationTechnique)
export class CharacterizationTechniqueResolver {
  @Query(() => [CharacterizationTechnique], { description: 'The characterisation and computational techniques of the vocabulary.' })
  techniques(@Ctx() ctx: Context) {
    return ctx.services.vocabulary.techniques();
  }

  @FieldResolver(() => [InterphaseObservation], { description: 'Interphase observations this technique gave evidence for, ordered by id.' })
  observations(@Root() t: CharacterizationTechnique, @Ctx() ctx: Context) {
    return ctx.services.vocabulary.observations(t.id as Technique);
  }
}

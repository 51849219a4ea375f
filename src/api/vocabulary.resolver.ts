import { NonNegativeIntResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { StructuralFamily } from '../domain/families.js';
import type { Technique } from '../domain/vocabulary.js';
import { MaterialConnection, PageArgs } from './connection.type.js';
import type { Context } from './context.js';
import { StructuralFamilyEnum } from './enums.js';
import { Interface, InterphaseObservation, ReportedStabilityWindow } from './literature.type.js';
import { Measurement } from './measurement.type.js';
import { CharacterizationTechnique, MaterialFamily } from './vocabulary.type.js';

@Resolver(() => MaterialFamily)
export class MaterialFamilyResolver {
  @Query(() => [MaterialFamily], { description: 'Every structural family of the vocabulary.' })
  structuralFamilies(@Ctx() ctx: Context) {
    return ctx.services.vocabulary.families();
  }

  @Query(() => MaterialFamily, { description: 'One structural family.' })
  structuralFamily(@Ctx() ctx: Context, @Arg('id', () => StructuralFamilyEnum, { description: 'The family.' }) id: StructuralFamily) {
    return ctx.services.vocabulary.family(id);
  }

  @FieldResolver(() => NonNegativeIntResolver, { description: 'Materials any source places in this family.' })
  materialCount(@Root() f: MaterialFamily, @Ctx() ctx: Context) {
    return ctx.services.vocabulary.materialCount(f.id);
  }

  @FieldResolver(() => MaterialConnection, { description: 'The compositions and named materials of the family, ordered by id.' })
  materials(@Root() f: MaterialFamily, @Ctx() ctx: Context, @Args(() => PageArgs) { first, after }: PageArgs) {
    return ctx.services.materials.list({ family: f.id }, first, after);
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

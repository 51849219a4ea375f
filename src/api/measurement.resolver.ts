import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Float, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { MeasurementRecord } from '../graph/records.js';
import type { Context } from './context.js';
import { factResolver } from './fact.resolver.js';
import { Material, MaterialVariant } from './material.type.js';
import { Measurement } from './measurement.type.js';
import { Dataset } from './publication.type.js';
import { compiledOr } from './selection.js';

@Resolver(() => Measurement)
export class MeasurementResolver extends factResolver(Measurement) {
  @FieldResolver(() => Material, { nullable: true, description: 'The material measured; null for a statement about a whole family.' })
  material(@Root() m: MeasurementRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(m, info, () => ctx.services.materials.byIdOrNull(m.materialId));
  }

  @FieldResolver(() => MaterialVariant, { nullable: true, description: 'The variant measured (polymorph, form, doped version), where stated.' })
  variant(@Root() m: MeasurementRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(m, info, () => ctx.services.materials.variant(m.variantId));
  }

  @FieldResolver(() => Dataset, { nullable: true, description: 'The dataset the value came through, if any (its licence and citation apply).' })
  dataset(@Root() m: MeasurementRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return compiledOr(m, info, () => ctx.services.publications.dataset(m.source.datasetId));
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'log10 of `value` in `unit`; for a bound (LESS_THAN/GREATER_THAN) log10 of the bound, so read `qualifier` ' +
      'before plotting. Null for ranges and non-positive values.',
  })
  log10Value(@Root() m: MeasurementRecord & { log10Value?: number | null }): number | null {
    if (m.log10Value !== undefined) return m.log10Value; // compiled
    const x = m.value ?? (m.qualifier === 'LESS_THAN' ? m.max : m.qualifier === 'GREATER_THAN' ? m.min : null);
    return x !== null && x > 0 ? Math.log10(x) : null;
  }
}

import { Ctx, Float, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from './context.js';
import { Material } from './material.type.js';
import { Measurement, Source } from './measurement.type.js';
import { Dataset, Publication } from './publication.type.js';

@Resolver(() => Measurement)
export class MeasurementResolver {
  @FieldResolver(() => Material, { description: 'The material measured.' })
  material(@Root() m: Measurement, @Ctx() ctx: Context) {
    return ctx.services.materials.ofMeasurement(m);
  }

  @FieldResolver(() => Publication, {
    nullable: true,
    description: 'The original publication that reported the value (the first of `publications`).',
  })
  async publication(@Root() m: Measurement, @Ctx() ctx: Context) {
    return (await ctx.services.publications.ofMeasurement(m))[0] ?? null;
  }

  @FieldResolver(() => [Publication], {
    description: 'Every publication the source credits for the value, in its order (OBELiX joins several DOIs with |).',
  })
  publications(@Root() m: Measurement, @Ctx() ctx: Context) {
    return ctx.services.publications.ofMeasurement(m);
  }

  @FieldResolver(() => Dataset, { nullable: true, description: 'The dataset the value came through, if any (its licence and citation apply).' })
  dataset(@Root() m: Measurement, @Ctx() ctx: Context) {
    return ctx.services.publications.dataset(m.source.datasetId);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'log10 of `value` in `unit`; for a bound (LESS_THAN/GREATER_THAN) log10 of the bound, so read `qualifier` ' +
      'before plotting. Null for ranges and non-positive values.',
  })
  log10Value(@Root() m: Measurement): number | null {
    const x = m.value ?? (m.qualifier === 'LESS_THAN' ? m.max : m.qualifier === 'GREATER_THAN' ? m.min : null);
    return x !== null && x > 0 ? Math.log10(x) : null;
  }
}

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => Dataset, { nullable: true, description: 'The dataset the record belongs to, if it came through one.' })
  dataset(@Root() s: Source, @Ctx() ctx: Context) {
    return ctx.services.publications.dataset(s.datasetId);
  }
}

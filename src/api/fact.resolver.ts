import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import type { FactRecord } from '../graph/records.js';
import type { Context } from './context.js';
import { Publication } from './publication.type.js';
import { compiledOr } from './selection.js';

/**
 * The fields every fact type resolves the same way: the original publication(s) it cites. Concrete fact
 * resolvers extend `factResolver(Type)`.
 */
export function factResolver<T extends object>(type: ClassType<T>) {
  @Resolver(() => type)
  abstract class FactFieldsResolver {
    @FieldResolver(() => Publication, {
      nullable: true,
      description:
        'The original publication the source cites for it (the first of `publications`); null when it cites none. When ' +
        '`source.citationConfidence` is WRONG the printed reference is kept here and `source.correctedReference` is the paper meant.',
    })
    async publication(@Root() f: FactRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return compiledOr(f, info, async () => (await ctx.services.publications.ofFact(f))[0] ?? null);
    }

    @FieldResolver(() => [Publication], {
      description:
        "Every publication the source cites for it, in the source's order (a review may cite several; OBELiX joins DOIs with |).",
    })
    publications(@Root() f: FactRecord, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return compiledOr(f, info, () => ctx.services.publications.ofFact(f));
    }
  }
  return FactFieldsResolver;
}

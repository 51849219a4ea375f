/**
 * The writes of facts: additions (addPublication, addMaterial, addMeasurement...), retractions,
 * proposals' review, reverts of change sets, and the history of a fact. Every write checks the API key's role
 * first (requireRole: UNAUTHENTICATED 401 without a valid key, FORBIDDEN 403 for a role that may not), then
 * every field (INVALID with `errors` per field: nothing written), then writes all of it with its change set in
 * one transaction, or nothing. Corrections: corrections.resolver.ts.
 */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { FactVersionRecord } from '../graph/curation.store.js';
import type { CurationResult } from '../services/curation/facts.service.js';
import { requireRole } from './auth.js';
import type { Context } from './context.js';
import { AddClaimInput, AddMaterialInput, AddMeasurementInput, AddPublicationInput, AddReportedWindowInput, AddVariantInput } from './curation.input.js';
import { AddCellResultInput, AddCoatingApplicationInput, AddInterphaseObservationInput } from './curation.interfaces.input.js';
import {
  CellPayload,
  ClaimPayload,
  CoatingApplicationPayload,
  InterphaseObservationPayload,
  CurationChangePayload,
  FactVersion,
  MaterialPayload,
  MaterialVariantPayload,
  MeasurementPayload,
  PublicationPayload,
  ReportedStabilityWindowPayload,
} from './curation.type.js';
import { BadUserInputError } from './errors.js';

export const AUTH =
  'Needs an API key (`Authorization: Bearer <key>`): UNAUTHENTICATED (HTTP 401) without a valid one, FORBIDDEN (HTTP 403) when its role may not ' +
  "(or the server's MUTATIONS setting refuses mutations from this client).";
export const ALL_OR_NOTHING = 'A wrong field answers `ok: false`, `status: INVALID` and `errors` naming each field; nothing is written then.';
const ADDITION = `${ALL_OR_NOTHING} What the graph already holds answers \`status: DUPLICATE\` and \`duplicateOf\`, and is not stored twice. ${AUTH} Role: contributor.`;

@Resolver()
export class CurationResolver {
  @Mutation(() => PublicationPayload, { description: `Adds a publication by DOI and/or full citation (authors, title, journal, year). ${ADDITION}` })
  async addPublication(@Ctx() ctx: Context, @Arg('input', () => AddPublicationInput, { description: 'The publication: a DOI, or a full citation.' }) input: AddPublicationInput): Promise<PublicationPayload> {
    const who = await requireRole(ctx, 'contributor', 'addPublication');
    const r = await ctx.services.curation.addPublication(who, input);
    return { ...r, record: r.id ? await ctx.services.publications.byKey(r.id) : null };
  }

  @Mutation(() => MaterialPayload, {
    description: `Adds a material of a composition (its id is the composition key: the same formula in any notation is one material). ${ADDITION}`,
  })
  async addMaterial(@Ctx() ctx: Context, @Arg('input', () => AddMaterialInput, { description: 'The material: its formula, and optionally a name and family.' }) input: AddMaterialInput): Promise<MaterialPayload> {
    const who = await requireRole(ctx, 'contributor', 'addMaterial');
    const r = await ctx.services.curation.addMaterial(who, input);
    return { ...r, record: r.id ? await ctx.services.materials.byIdOrNull(r.id) : null };
  }

  @Mutation(() => MaterialVariantPayload, {
    description:
      "Adds a variant of a material (polymorph, form, dopants), which facts can then be about (addMeasurement's `variant`). Its id is the " +
      `material's and the attributes', with '|api'. ${ADDITION}`,
  })
  async addVariant(
    @Ctx() ctx: Context,
    @Arg('input', () => AddVariantInput, { description: 'The variant: material, polymorph, form, dopants, label.' }) input: AddVariantInput,
  ): Promise<MaterialVariantPayload> {
    const who = await requireRole(ctx, 'contributor', 'addVariant');
    const r = await ctx.services.curation.addVariant(who, input);
    const id = r.duplicateOf ?? (r.ok ? r.id : null);
    return { ...r, record: id ? await ctx.services.materials.variant(id) : null };
  }

  @Mutation(() => MeasurementPayload, {
    description:
      'Adds a measured value of a material, credited to its publication (a DOI the graph has, or a full citation that adds the publication too). ' +
      'The value is converted to the canonical unit of the property and checked: σ > 0 and at most 10³ S/cm, T > 0 K and below 10,000 K, ' +
      'potentials within −5…10 V vs Li/Li+, fractions in [0, 1]. The same material, property, contribution, temperature (within 0.01 K), ' +
      'publication and value is a DUPLICATE. While PROPOSALS_REQUIRED is on, a contributor\'s addition is held as a proposal (PROPOSED) until ' +
      `a curator accepts it. ${ADDITION}`,
  })
  async addMeasurement(@Ctx() ctx: Context, @Arg('input', () => AddMeasurementInput, { description: 'The measurement: material, property, value with unit, conditions and provenance.' }) input: AddMeasurementInput): Promise<MeasurementPayload> {
    const who = await requireRole(ctx, 'contributor', 'addMeasurement');
    return this.measurementPayload(ctx, await ctx.services.curation.addMeasurement(who, input));
  }

  @Mutation(() => ReportedStabilityWindowPayload, {
    description:
      'Adds a reported electrochemical stability window of a material (limits in V vs the reference of `scale`, each within −5…10 V, ' +
      'reduction below oxidation), credited to its publication. The same material, publication, scale, method and limits is a DUPLICATE. ' +
      `Held as a proposal like addMeasurement. ${ADDITION}`,
  })
  async addReportedWindow(
    @Ctx() ctx: Context,
    @Arg('input', () => AddReportedWindowInput, { description: 'The window: material, limits, scale, method and provenance.' }) input: AddReportedWindowInput,
  ): Promise<ReportedStabilityWindowPayload> {
    const who = await requireRole(ctx, 'contributor', 'addReportedWindow');
    const r = await ctx.services.curation.addReportedWindow(who, input);
    const id = r.duplicateOf ?? (r.ok ? r.id : null);
    return { ...r, record: id ? await ctx.services.facts.window(id) : null };
  }

  @Mutation(() => ClaimPayload, {
    description:
      'Adds a claim (a mechanism, explanation, criterion, target, comparison, route, remedy, strategy or open question) about materials of the ' +
      'graph, credited to its publication. The same kind and statement about the same materials from the same publication is a DUPLICATE. ' +
      `Held as a proposal like addMeasurement. ${ADDITION}`,
  })
  async addClaim(
    @Ctx() ctx: Context,
    @Arg('input', () => AddClaimInput, { description: 'The claim: kind, statement, subjects and provenance.' }) input: AddClaimInput,
  ): Promise<ClaimPayload> {
    const who = await requireRole(ctx, 'contributor', 'addClaim');
    const r = await ctx.services.curation.addClaim(who, input);
    const id = r.duplicateOf ?? (r.ok ? r.id : null);
    return { ...r, record: id ? await ctx.services.facts.claim(id) : null };
  }

  @Mutation(() => InterphaseObservationPayload, {
    description:
      'Adds an interphase observed (or computed) at the interface of a solid electrolyte and a counterpart material (the interface is added ' +
      'with it when the graph lacks it): products, potential (within −5…10 V vs Li/Li+), thickness (> 0), character and evidence, credited ' +
      'to its publication. The same interface, publication, products, potential and thickness is a DUPLICATE. ' +
      `Held as a proposal like addMeasurement. ${ADDITION}`,
  })
  async addInterphaseObservation(
    @Ctx() ctx: Context,
    @Arg('input', () => AddInterphaseObservationInput, { description: 'The observation: electrolyte, counterpart, products, character, evidence and provenance.' })
    input: AddInterphaseObservationInput,
  ): Promise<InterphaseObservationPayload> {
    const who = await requireRole(ctx, 'contributor', 'addInterphaseObservation');
    const r = await ctx.services.curation.addInterphaseObservation(who, input);
    const id = r.duplicateOf ?? (r.ok ? r.id : null);
    return { ...r, record: id ? await ctx.services.facts.observation(id) : null };
  }

  @Mutation(() => CoatingApplicationPayload, {
    description:
      'Adds a coating or interlayer applied on a substrate and paired with a solid electrolyte, with its method, thickness (> 0) and effects ' +
      '(values checked as measured values), credited to its publication. The same coating, substrate, electrolyte, role, method, thickness and ' +
      `publication is a DUPLICATE. Held as a proposal like addMeasurement. ${ADDITION}`,
  })
  async addCoatingApplication(
    @Ctx() ctx: Context,
    @Arg('input', () => AddCoatingApplicationInput, { description: 'The application: coating, substrate, electrolyte, role, method, effects and provenance.' })
    input: AddCoatingApplicationInput,
  ): Promise<CoatingApplicationPayload> {
    const who = await requireRole(ctx, 'contributor', 'addCoatingApplication');
    const r = await ctx.services.curation.addCoatingApplication(who, input);
    const id = r.duplicateOf ?? (r.ok ? r.id : null);
    return { ...r, record: id ? await ctx.services.facts.coating(id) : null };
  }

  @Mutation(() => CellPayload, {
    description:
      'Adds a cell test as reported (read by `cells`): its type, components in their roles, conditions and results (capacity retention within ' +
      '0…100 %, CCD > 0 mA/cm², cycles non-negative integers, temperature > 0 K), credited to its publication. The same type, components, ' +
      `results and publication is a DUPLICATE. Held as a proposal like addMeasurement. ${ADDITION}`,
  })
  async addCellResult(
    @Ctx() ctx: Context,
    @Arg('input', () => AddCellResultInput, { description: 'The cell: type, components, conditions, results and provenance.' }) input: AddCellResultInput,
  ): Promise<CellPayload> {
    const who = await requireRole(ctx, 'contributor', 'addCellResult');
    const r = await ctx.services.curation.addCellResult(who, input);
    const id = r.duplicateOf ?? (r.ok ? r.id : null);
    return { ...r, record: id ? await ctx.services.facts.cell(id) : null };
  }

  @Mutation(() => CurationChangePayload, {
    description: `Retracts a current fact of any kind: the record is kept with the reason, read by no list, and shown by factHistory. ${ALL_OR_NOTHING} ${AUTH} Role: curator.`,
  })
  async retractFact(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The fact's id." }) id: string,
    @Arg('reason', () => String, { description: 'Why (required, at most 5,000 characters).' }) reason: string,
  ): Promise<CurationChangePayload> {
    const who = await requireRole(ctx, 'curator', 'retractFact');
    return this.changePayload(ctx, await ctx.services.curation.retractFact(who, id, reason));
  }

  @Mutation(() => CurationChangePayload, { description: `Accepts a proposal: it becomes a current fact, read by every list. ${ALL_OR_NOTHING} ${AUTH} Role: curator.` })
  async acceptProposal(@Ctx() ctx: Context, @Arg('id', () => ID, { description: "The proposal's id." }) id: string): Promise<CurationChangePayload> {
    const who = await requireRole(ctx, 'curator', 'acceptProposal');
    return this.changePayload(ctx, await ctx.services.curation.acceptProposal(who, id));
  }

  @Mutation(() => CurationChangePayload, { description: `Rejects a proposal with a reason: kept, read by no list. ${ALL_OR_NOTHING} ${AUTH} Role: curator.` })
  async rejectProposal(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The proposal's id." }) id: string,
    @Arg('reason', () => String, { description: 'Why (required, at most 5,000 characters).' }) reason: string,
  ): Promise<CurationChangePayload> {
    const who = await requireRole(ctx, 'curator', 'rejectProposal');
    return this.changePayload(ctx, await ctx.services.curation.rejectProposal(who, id, reason));
  }

  @Mutation(() => CurationChangePayload, {
    description:
      'Reverts a change set: every entity it changed goes back to its state before (an addition is removed), in one transaction recorded as a ' +
      'REVERT change set. CONFLICT (in `errors`) when it was reverted already or an entity changed since (revert the later change sets first). ' +
      `${AUTH} Role: curator.`,
  })
  async revertChangeSet(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The change set's id (`changeSetId` of a payload)." }) id: string,
    @Arg('reason', () => String, { description: 'Why (required, at most 5,000 characters).' }) reason: string,
  ): Promise<CurationChangePayload> {
    const who = await requireRole(ctx, 'curator', 'revertChangeSet');
    return { ...(await ctx.services.curation.revertChangeSet(who, id, reason)), history: [] };
  }

  @Query(() => [FactVersion], {
    nullable: true,
    description:
      'Every version of a fact, oldest first, the current one last: what it said (`props`, JSON) and where it stood (`status`: a retracted ' +
      'fact is RETRACTED with its `reason`), when, by which API key and why. Lists read the current version of current facts only. Null when no fact has the id.',
  })
  async factHistory(@Ctx() ctx: Context, @Arg('id', () => ID, { description: "The fact's id." }) id: string): Promise<FactVersionRecord[] | null> {
    if (!id.trim() || id.length > 200) throw new BadUserInputError('id', 'is not a fact id');
    return ctx.services.curation.history(id);
  }

  private async measurementPayload(ctx: Context, r: CurationResult): Promise<MeasurementPayload> {
    const id = r.duplicateOf ?? (r.ok ? r.id : null);
    return { ...r, record: id ? await ctx.services.facts.measurement(id) : null };
  }

  private async changePayload(ctx: Context, r: CurationResult): Promise<CurationChangePayload> {
    return { ...r, history: r.ok && r.id ? ((await ctx.services.curation.history(r.id)) ?? []) : [] };
  }
}

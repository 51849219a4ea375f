/**
 * Corrections of facts, one mutation per kind (correctMeasurement, correctReportedWindow, correctClaim,
 * correctInterphaseObservation, correctCoatingApplication, correctCellResult). A correction keeps the fact's id,
 * gives it the fields given (the others keep their value) and the next version; the version it replaces stays
 * in its history (factHistory), and revertChangeSet restores it. Role: curator.
 */
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { CurationResult } from '../services/curation/facts.service.js';
import { requireRole } from './auth.js';
import type { Context } from './context.js';
import { ClaimCorrectionInput, MeasurementCorrectionInput, ReportedWindowCorrectionInput } from './curation.input.js';
import { CellResultCorrectionInput, CoatingApplicationCorrectionInput, InterphaseObservationCorrectionInput } from './curation.interfaces.input.js';
import { ALL_OR_NOTHING, AUTH } from './curation.resolver.js';
import { CellPayload, ClaimPayload, CoatingApplicationPayload, InterphaseObservationPayload, MeasurementPayload, ReportedStabilityWindowPayload } from './curation.type.js';

const CORRECTION =
  'It keeps its id, gets the given fields and the next version; the version it replaces stays in its history (factHistory) and revertChangeSet ' +
  "restores it. NOT_FOUND (in `errors`) for an id of no fact of this kind, CONFLICT for a fact that is not current (proposed, retracted, rejected). " +
  `${ALL_OR_NOTHING} ${AUTH} Role: curator.`;
const REASON = 'Why (required, at most 5,000 characters).';

@Resolver()
export class CorrectionResolver {
  @Mutation(() => MeasurementPayload, { description: `Corrects a current measurement (its value, unit, temperature, conditions). ${CORRECTION}` })
  async correctMeasurement(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The measurement's id." }) id: string,
    @Arg('changes', () => MeasurementCorrectionInput, { description: 'The fields to change.' }) changes: MeasurementCorrectionInput,
    @Arg('reason', () => String, { description: REASON }) reason: string,
  ): Promise<MeasurementPayload> {
    const who = await requireRole(ctx, 'curator', 'correctMeasurement');
    return this.payload(await ctx.services.curation.correctMeasurement(who, id, changes, reason), (x) => ctx.services.facts.measurement(x));
  }

  @Mutation(() => ReportedStabilityWindowPayload, {
    description: `Corrects a current reported stability window (its limits in V vs the reference of its scale, the oxidation limit above the reduction limit; method, texts). ${CORRECTION}`,
  })
  async correctReportedWindow(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The window's id." }) id: string,
    @Arg('changes', () => ReportedWindowCorrectionInput, { description: 'The fields to change.' }) changes: ReportedWindowCorrectionInput,
    @Arg('reason', () => String, { description: REASON }) reason: string,
  ): Promise<ReportedStabilityWindowPayload> {
    const who = await requireRole(ctx, 'curator', 'correctReportedWindow');
    return this.payload(await ctx.services.curation.correctReportedWindow(who, id, changes, reason), (x) => ctx.services.facts.window(x));
  }

  @Mutation(() => ClaimPayload, { description: `Corrects a current claim (its kind, statement, families, chemical classes, properties). ${CORRECTION}` })
  async correctClaim(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The claim's id." }) id: string,
    @Arg('changes', () => ClaimCorrectionInput, { description: 'The fields to change.' }) changes: ClaimCorrectionInput,
    @Arg('reason', () => String, { description: REASON }) reason: string,
  ): Promise<ClaimPayload> {
    const who = await requireRole(ctx, 'curator', 'correctClaim');
    return this.payload(await ctx.services.curation.correctClaim(who, id, changes, reason), (x) => ctx.services.facts.claim(x));
  }

  @Mutation(() => InterphaseObservationPayload, {
    description: `Corrects a current interphase observation (its potential in V vs Li/Li+, thickness, character, conditions, texts). ${CORRECTION}`,
  })
  async correctInterphaseObservation(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The observation's id." }) id: string,
    @Arg('changes', () => InterphaseObservationCorrectionInput, { description: 'The fields to change.' }) changes: InterphaseObservationCorrectionInput,
    @Arg('reason', () => String, { description: REASON }) reason: string,
  ): Promise<InterphaseObservationPayload> {
    const who = await requireRole(ctx, 'curator', 'correctInterphaseObservation');
    return this.payload(await ctx.services.curation.correctInterphaseObservation(who, id, changes, reason), (x) => ctx.services.facts.observation(x));
  }

  @Mutation(() => CoatingApplicationPayload, {
    description: `Corrects a current coating application (role, method, thickness, loading, effect; \`effects\` replaces every effect). ${CORRECTION}`,
  })
  async correctCoatingApplication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The coating application's id." }) id: string,
    @Arg('changes', () => CoatingApplicationCorrectionInput, { description: 'The fields to change.' }) changes: CoatingApplicationCorrectionInput,
    @Arg('reason', () => String, { description: REASON }) reason: string,
  ): Promise<CoatingApplicationPayload> {
    const who = await requireRole(ctx, 'curator', 'correctCoatingApplication');
    return this.payload(await ctx.services.curation.correctCoatingApplication(who, id, changes, reason), (x) => ctx.services.facts.coating(x));
  }

  @Mutation(() => CellPayload, { description: `Corrects a current cell test (type, conditions, result text; \`results\` replaces every result). ${CORRECTION}` })
  async correctCellResult(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: "The cell test's id." }) id: string,
    @Arg('changes', () => CellResultCorrectionInput, { description: 'The fields to change.' }) changes: CellResultCorrectionInput,
    @Arg('reason', () => String, { description: REASON }) reason: string,
  ): Promise<CellPayload> {
    const who = await requireRole(ctx, 'curator', 'correctCellResult');
    return this.payload(await ctx.services.curation.correctCellResult(who, id, changes, reason), (x) => ctx.services.facts.cell(x));
  }

  /** The payload of a correction: the result, and the corrected record (null when invalid). */
  private async payload<R>(r: CurationResult, read: (id: string) => Promise<R | null>): Promise<CurationResult & { record: R | null }> {
    return { ...r, record: r.ok && r.id ? await read(r.id) : null };
  }
}

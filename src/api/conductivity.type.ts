/**
 * The ionic conductivity of a material at a temperature (`Material.conductivityAt`): the GraphQL shape of
 * services/conductivity.service.ts. Method and sources: domain/arrhenius.ts.
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { ArrheniusForm, EstimateStatus } from '../domain/arrhenius.js';
import type { ConductivityContribution } from '../domain/model/measurement.kind.js';
import { ArrheniusFormEnum, ConductivityContributionEnum, ConductivityEstimateStatusEnum } from './enums.js';
import { MaterialVariant } from './material.type.js';
import { Measurement } from './measurement.type.js';

@ObjectType({ description: 'A report of the material left out of an estimate, and why.' })
export class ExcludedReport {
  @Field(() => Measurement, { description: 'The report (its value as printed, temperature, source and publication).' }) measurement!: Measurement;
  @Field(() => String, {
    description: "Why it was left out: a bound or a range ('<1E-10', '10^-4–10^-3'), no single temperature in K, a value not above 0.",
  })
  reason!: string;
}

@ObjectType({
  description:
    "The ionic conductivity of a material at a temperature, estimated from its reports with Arrhenius' law: σ·T = A·exp(−Ea/(k_B·T)) " +
    '(form SIGMA_T, default) or σ = A·exp(−Ea/(k_B·T)) (SIGMA), k_B = 8.617333262e-5 eV/K (CODATA 2018, doi:10.1103/RevModPhys.93.025010). ' +
    'FITTED: ordinary least squares of ln(σ·T) or ln σ against 1/T through every reported point value at a stated temperature, ' +
    'when the points span at least 10 K; ANCHORED_ON_REPORTED_ACTIVATION_ENERGY: points at one temperature, the slope from the median ' +
    'of the reported activation energies, the line through the points (mean of ln y + Ea/(k_B·T)); INSUFFICIENT_DATA otherwise, with ' +
    '`reason`. The reports are the material\'s and its variants\' (as `consensus`), bulk and grain-boundary values apart; an estimate ' +
    'away from the points (`extrapolatedByK`) is an extrapolation, and a fit through values of different variants or samples is as ' +
    'good as their agreement. Numbers to 12 significant digits.',
})
export class ConductivityEstimate {
  @Field(() => ConductivityEstimateStatusEnum, { description: 'How it was made: FITTED, ANCHORED_ON_REPORTED_ACTIVATION_ENERGY or INSUFFICIENT_DATA.' })
  status!: EstimateStatus;
  @Field(() => String, {
    nullable: true,
    description:
      "Why the data do not suffice (e.g. 'one temperature (298.15 K) and no activation energy reported'), or what an anchored " +
      'estimate rests on; null for a fit.',
  })
  reason!: string | null;
  @Field(() => ArrheniusFormEnum, { description: 'The form of the law used.' }) form!: ArrheniusForm;
  @Field(() => String, { description: "The law used, e.g. 'σ·T = A·exp(−Ea/(k_B·T))' (σ in S/cm, T in K, Ea in eV)." }) formula!: string;
  @Field(() => Float, { description: 'The temperature asked for, K.' }) temperatureK!: number;
  @Field(() => ConductivityContributionEnum, {
    nullable: true,
    description: 'The contribution asked for; null: the whole sample (reports of TOTAL or of no stated contribution).',
  })
  contribution!: ConductivityContribution | null;
  @Field(() => [ConductivityContributionEnum], { description: 'The contributions among the points (UNSPECIFIED where not stated).' })
  contributions!: string[];
  @Field(() => String, { description: "The unit of `conductivity`: 'S/cm' (`conductivity(unit:)` gives it in another, e.g. 'mS/cm')." })
  unit!: string;
  @Field(() => Float, { nullable: true, description: 'The estimated ionic conductivity at `temperatureK`, S/cm; null for INSUFFICIENT_DATA.' })
  conductivity!: number | null;
  @Field(() => Float, { nullable: true, description: 'log10 of `conductivity` in S/cm; null for INSUFFICIENT_DATA.' })
  log10Conductivity!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The activation energy Ea of the line, eV: −slope·k_B of a fit, or the median of the reported ones when anchored; null for INSUFFICIENT_DATA.',
  })
  activationEnergyEv!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Uncertainty of `activationEnergyEv`, eV: for a fit the standard error of the slope times k_B (as scipy.stats.linregress; null ' +
      'with 2 points); anchored, half the range of the reported activation energies when several, else the one report\'s stated ±, else null.',
  })
  activationEnergyUncertaintyEv!: number | null;
  @Field(() => Float, { nullable: true, description: 'The prefactor A, in `prefactorUnit`; null for INSUFFICIENT_DATA.' }) prefactor!: number | null;
  @Field(() => String, { description: "The unit of `prefactor`: 'S/cm' (form SIGMA) or 'S·K/cm' (SIGMA_T)." }) prefactorUnit!: string;
  @Field(() => Int, { description: 'The reported conductivities the line goes through (`points`).' }) pointCount!: number;
  @Field(() => Float, { nullable: true, description: 'Lowest temperature of the points, K; null without points.' }) minK!: number | null;
  @Field(() => Float, { nullable: true, description: 'Highest temperature of the points, K; null without points.' }) maxK!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'True when `temperatureK` lies within [minK, maxK]; null without points.' })
  interpolated!: boolean | null;
  @Field(() => Float, {
    nullable: true,
    description: 'How far `temperatureK` lies outside [minK, maxK], K (a difference: 1 K is 1 °C); 0 within; null without points.',
  })
  extrapolatedByK!: number | null;
  @Field(() => [Measurement], {
    description: 'The reported conductivities used, by temperature (values above 0 at a stated temperature, "up to" maxima included as consensus counts them, bounds and ranges left out; a value two sources copy once), with their source and publications.',
  })
  points!: Measurement[];
  @Field(() => [Measurement], {
    description:
      'The activation energies reported for the material and contribution (point values, eV): the slope of an anchored estimate; beside a ' +
      'fit, for comparison only (never mixed into it).',
  })
  reportedActivationEnergies!: Measurement[];
  @Field(() => [ExcludedReport], { description: 'The conductivities and activation energies of the material and contribution left out, each with why.' })
  excludedReports!: ExcludedReport[];
  @Field(() => Int, { description: 'Reports the estimate rests on: the points, and the reported activation energies when anchored on them.' })
  reportCount!: number;
  @Field(() => Int, { description: 'Distinct publications credited by those reports.' }) publicationCount!: number;
  @Field(() => [MaterialVariant], {
    description:
      "The variants (polymorphs, forms, doped versions) those reports are about; a material's estimate rolls its variants up, as `consensus` does, " +
      "and reports about the material itself add none. Each point's own is `points.variant`.",
  })
  variants!: MaterialVariant[];
  @Field(() => ID, {
    nullable: true,
    description: "The id of the variant this estimate is restricted to (see `byVariant`); null for the material's estimate, its variants rolled up.",
  })
  variantId!: string | null;
  @Field(() => [ConductivityEstimate], {
    description:
      'One estimate per variant that has points of its own (e.g. the tetragonal and the cubic polymorph apart), over that variant\'s points and ' +
      'reported activation energies only, at the same temperature, form and contribution; empty inside those estimates.',
  })
  byVariant!: ConductivityEstimate[];
}

import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ConductivityContribution } from '../graph/records.js';
import type { PropertyKind } from '../domain/units/properties.js';
import type { Qualifier } from '../domain/values/printedValue.js';
import type { StructuralFamily } from '../domain/families.js';
import { FactBase } from './literature.type.js';
import { ConductivityContributionEnum, MeasuredPropertyEnum, QualifierEnum, StructuralFamilyEnum } from './enums.js';

@ObjectType({ description: 'Crystal structure of the phase the measurement was made on, as the source reports it.' })
export class ReportedStructure {
  @Field(() => String, { nullable: true, description: "Hermann–Mauguin symbol as printed, e.g. 'P 42/n m c'." })
  spaceGroupSymbol!: string | null;

  @Field(() => Int, { nullable: true, description: 'International Tables space-group number (1–230).' })
  spaceGroupNumber!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice parameter a in Å.' })
  a!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice parameter b in Å.' })
  b!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice parameter c in Å.' })
  c!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice angle α in degrees.' })
  alpha!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice angle β in degrees.' })
  beta!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lattice angle γ in degrees.' })
  gamma!: number | null;

  @Field(() => String, { nullable: true, description: 'ICSD collection code of the structure, where given.' })
  icsdId!: string | null;
}

@ObjectType({
  implements: FactBase,
  description:
    'A measured property value of a material, as printed in its source and normalised to the canonical unit of the ' +
    'property (ionic conductivity: S/cm). Bounds are never stored as equalities: read `qualifier` first.',
})
export class Measurement extends FactBase {
  @Field(() => MeasuredPropertyEnum, { description: 'The property measured; it fixes the canonical `unit`.' })
  property!: PropertyKind;

  @Field(() => ConductivityContributionEnum, { nullable: true, description: 'For ionic conductivity: total, bulk or grain-boundary; null when not stated.' })
  contribution!: ConductivityContribution | null;

  @Field(() => QualifierEnum, { description: 'How to read value/min/max.' })
  qualifier!: Qualifier;

  @Field(() => Float, { nullable: true, description: 'The value in `unit`; null for bounds and ranges.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound or lower end of a range, in `unit`.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound (censored values such as <1E-10) or upper end of a range, in `unit`.' })
  max!: number | null;

  @Field(() => String, { description: "Canonical unit of value/min/max: 'S/cm' for ionic conductivity, 'eV' for activation energy, ... (see MeasuredProperty); '' when dimensionless." })
  unit!: string;

  @Field(() => String, { description: "The value exactly as printed in the source, e.g. '<1E-10' or '1.58489e-06'." })
  printedValue!: string;

  @Field(() => String, { nullable: true, description: "The unit as printed in the source, e.g. 'S cm-1'." })
  printedUnit!: string | null;

  @Field(() => Float, { nullable: true, description: 'Temperature of the measurement in K (room temperature is 298.15 K by convention).' })
  temperatureK!: number | null;

  @Field(() => String, { nullable: true, description: "Temperature as the source states it, e.g. 'room temperature'." })
  temperatureText!: string | null;

  @Field(() => String, { nullable: true, description: "The unit the printed one was read as, when it was a misprint." })
  unitAsMeant!: string | null;

  @Field(() => Float, { nullable: true, description: "± uncertainty of `value` in `unit`, where printed ('7.1 ± 0.3')." })
  uncertainty!: number | null;

  @Field(() => Boolean, { description: "True for an approximate range ('≈ 10⁻³–1')." })
  approximate!: boolean;

  @Field(() => String, { nullable: true, description: 'The property as the source names it, when `property` is OTHER or more specific.' })
  propertyText!: string | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'For a statement about a whole structural family (no single material).' })
  family!: StructuralFamily | null;

  @Field(() => String, { nullable: true, description: 'Measurement or computation method as the source states it (e.g. impedance, DFT, nanoindentation).' })
  method!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True for a computed value, false for a measured one, null when the source does not say.' })
  computed!: boolean | null;

  @Field(() => String, { nullable: true, description: "Sample form as stated (e.g. 'cold-pressed pellet', 'thin film', 'single crystal')." })
  sampleForm!: string | null;

  @Field(() => String, { nullable: true, description: "Normalisation basis, e.g. 'per real interfacial area' vs 'per footprint area' for a critical current density." })
  basis!: string | null;

  @Field(() => String, { nullable: true, description: 'Atmosphere or environment of the measurement.' })
  atmosphere!: string | null;

  @Field(() => String, { nullable: true, description: 'Other conditions as stated.' })
  conditionsOther!: string | null;

  @Field(() => String, { nullable: true, description: 'The formula as printed in this record (dataset records), or the material as the review names it.' })
  reportedFormula!: string | null;

  @Field(() => String, { nullable: true, description: 'The composition with explicit site occupancies, where the source gives it (OBELiX: True Composition).' })
  reportedSiteComposition!: string | null;

  @Field(() => ReportedStructure, { nullable: true, description: 'Crystal structure of the measured phase, where the source gives it.' })
  structure!: ReportedStructure | null;

  materialId!: string | null;
}

/**
 * Inputs of the writes of facts (curation.resolver.ts). Every field is checked before anything is written
 * (domain/curation/validation.ts); a wrong one comes back in the payload's `errors`, named by its path
 * ('input.value', 'input.provenance.doi').
 */
import { Field, Float, InputType, Int } from 'type-graphql';
import type { ConductivityContribution } from '../domain/model/measurement.kind.js';
import type { StructuralFamily } from '../domain/families.js';
import type { PropertyKind } from '../domain/units/properties.js';
import type { Qualifier } from '../domain/values/printedValue.js';
import {
  ChemicalClassEnum,
  ClaimKindEnum,
  ConductivityContributionEnum,
  MeasuredPropertyEnum,
  QualifierEnum,
  ReferenceScaleEnum,
  StructuralFamilyEnum,
  WindowMethodEnum,
} from './enums.js';
import type { ChemicalClass } from '../domain/chemicalClass.js';
import type { ClaimKind, ReferenceScale, WindowMethod } from '../domain/vocabulary.js';

@InputType({ description: 'A full citation of a paper: authors, title, journal (or venue) and year are required when no DOI is given.' })
export class CitationInput {
  @Field(() => String, { nullable: true, description: "Authors as printed, e.g. 'Kamaya, N.; Homma, K.; ...' (at most 5,000 characters)." })
  authors?: string | null;

  @Field(() => String, { nullable: true, description: 'Title (at most 5,000 characters).' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Journal or venue, e.g. 'Nat. Mater.' (at most 500 characters)." })
  journal?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of publication (1800 to next year).' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Volume (at most 50 characters).' })
  volume?: string | null;

  @Field(() => String, { nullable: true, description: 'First page or article number (at most 50 characters).' })
  firstPage?: string | null;
}

@InputType({ description: 'A publication to add: its DOI, or a full citation, or both.' })
export class AddPublicationInput {
  @Field(() => String, { nullable: true, description: "DOI in any usual form ('10.1038/nmat3066', 'doi:10.1038/NMAT3066', 'https://doi.org/10.1038/nmat3066'); stored lower-cased without prefix." })
  doi?: string | null;

  @Field(() => CitationInput, { nullable: true, description: 'The citation; required in full without a DOI.' })
  citation?: CitationInput | null;
}

@InputType({
  description:
    'Where a fact was published: the DOI of a publication the graph has (addPublication), or a DOI or key with the full citation, ' +
    'which creates the publication with the fact. Required.',
})
export class ProvenanceInput {
  @Field(() => String, { nullable: true, description: "The publication's DOI ('10.1038/nmat3066')." })
  doi?: string | null;

  @Field(() => CitationInput, { nullable: true, description: 'Its full citation (required without a DOI, or for a DOI the graph does not have yet).' })
  citation?: CitationInput | null;

  @Field(() => String, { nullable: true, description: 'The words of the publication that state the fact (at most 5,000 characters).' })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'A note: doubts, misprints, how the value was read (at most 5,000 characters).' })
  note?: string | null;
}

@InputType({ description: 'A material to add: a composition, identified by its composition key (the same formula in any notation is the same material).' })
export class AddMaterialInput {
  @Field(() => String, { description: "The formula in any notation ('Li6PS5Cl', 'Li₁₀GeP₂S₁₂', 'Li6.4La3Zr1.4Ta0.6O12')." })
  formula!: string;

  @Field(() => String, { nullable: true, description: "A display name ('LPSCl'), findable as a name by every argument that takes a material; default the reduced formula." })
  name?: string | null;

  @Field(() => StructuralFamilyEnum, { nullable: true, description: 'Its structural family, where known.' })
  family?: StructuralFamily | null;

  @Field(() => String, { nullable: true, description: 'What the material is (at most 5,000 characters).' })
  description?: string | null;
}

/** The value and conditions of a measurement, shared by additions and corrections (a base class: not a type of the schema). */
@InputType({ description: 'The value and conditions of a measurement.' })
class MeasurementValueFields {
  @Field(() => QualifierEnum, { nullable: true, description: 'How to read the number: EQUAL (default), APPROXIMATE, REPORTED_MAXIMUM, LESS_THAN, GREATER_THAN (`value` is the bound), RANGE (`min` and `max`).' })
  qualifier?: Qualifier | null;

  @Field(() => Float, { nullable: true, description: 'The number in `unit` (required unless RANGE). Ionic conductivity: > 0 and at most 10³ S/cm; fractions in [0, 1]; voltages within −5…10 V.' })
  value?: number | null;

  @Field(() => Float, { nullable: true, description: 'For RANGE: the lower end, in `unit`.' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'For RANGE: the upper end, in `unit`.' })
  max?: number | null;

  @Field(() => String, { nullable: true, description: "The unit of the numbers as printed ('mS/cm', 'S cm-1', 'eV', 'kJ/mol'); converted to the property's canonical unit; default the canonical unit. UNKNOWN_UNIT when it is no unit of the property." })
  unit?: string | null;

  @Field(() => Float, { nullable: true, description: '± uncertainty of `value`, in `unit` (≥ 0).' })
  uncertainty?: number | null;

  @Field(() => ConductivityContributionEnum, { nullable: true, description: 'For a conductivity: total, bulk or grain-boundary.' })
  contribution?: ConductivityContribution | null;

  @Field(() => Float, { nullable: true, description: 'Temperature of the measurement in `temperatureUnit` (> 0 K and < 10,000 K).' })
  temperature?: number | null;

  @Field(() => String, { nullable: true, description: "Unit of `temperature`: 'K' (default) or '°C'." })
  temperatureUnit?: string | null;

  @Field(() => String, { nullable: true, description: "Method as stated ('impedance spectroscopy', 'DFT'; at most 500 characters)." })
  method?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True for a computed value, false for a measured one.' })
  computed?: boolean | null;

  @Field(() => String, { nullable: true, description: "Sample form ('cold-pressed pellet', 'thin film')." })
  sampleForm?: string | null;

  @Field(() => String, { nullable: true, description: 'Atmosphere or environment.' })
  atmosphere?: string | null;

  @Field(() => String, { nullable: true, description: 'Other conditions as stated (at most 5,000 characters).' })
  conditions?: string | null;
}

@InputType({ description: 'A measured property value of a material, with its publication.' })
export class AddMeasurementInput extends MeasurementValueFields {
  @Field(() => String, { description: "The material: its id ('Ge1Li10P2S12'), a name or alias ('LGPS', 'LLZO'), or a formula of a material the graph has (else add it with addMaterial)." })
  material!: string;

  @Field(() => String, { nullable: true, description: "The variant of the material measured: its id (from addVariant or the material's `variants`), which must be a variant of `material`." })
  variant?: string | null;

  @Field(() => MeasuredPropertyEnum, { description: 'The property measured; it fixes the canonical unit.' })
  property!: PropertyKind;

  @Field(() => ProvenanceInput, { nullable: true, description: 'Where it was published (required: a DOI or a full citation).' })
  provenance?: ProvenanceInput | null;
}

@InputType({ description: 'The fields of a measurement to change; those not given keep their value. The property and the material cannot change (retract and add instead).' })
export class MeasurementCorrectionInput extends MeasurementValueFields {}


/** The limits and method of a reported window, shared by additions and corrections (a base class: not a type of the schema). */
@InputType({ description: 'The limits and method of a reported window.' })
class WindowFields {
  @Field(() => Float, { nullable: true, description: 'Reduction (lower) limit in V vs the reference of `scale` (within −5…10 V).' })
  reduction?: number | null;

  @Field(() => Float, { nullable: true, description: 'Oxidation (upper) limit in V vs the reference of `scale` (within −5…10 V; above `reduction`).' })
  oxidation?: number | null;

  @Field(() => String, { nullable: true, description: "The reduction limit in words, e.g. 'unstable at 0 V (Li3P, Li2S)'." })
  reductionText?: string | null;

  @Field(() => String, { nullable: true, description: 'The oxidation limit in words.' })
  oxidationText?: string | null;

  @Field(() => ReferenceScaleEnum, { nullable: true, description: 'Reference electrode of the limits; default LI (V vs Li/Li+).' })
  scale?: ReferenceScale | null;

  @Field(() => WindowMethodEnum, { nullable: true, description: 'How the window was obtained; default NOT_STATED.' })
  method?: WindowMethod | null;

  @Field(() => String, { nullable: true, description: 'The method as the publication describes it (at most 500 characters).' })
  methodText?: string | null;
}

@InputType({ description: 'A reported electrochemical stability window of a material, with its publication: at least one limit (a potential or words).' })
export class AddReportedWindowInput extends WindowFields {
  @Field(() => String, { description: "The material: its id ('Ge1Li10P2S12'), a name or alias, or a formula of a material the graph has." })
  material!: string;

  @Field(() => ProvenanceInput, { nullable: true, description: 'Where it was published (required: a DOI or a full citation).' })
  provenance?: ProvenanceInput | null;
}

@InputType({ description: 'The fields of a reported window to change; those not given keep their value. The material and the publication cannot change (retract and add instead).' })
export class ReportedWindowCorrectionInput extends WindowFields {}

/** The families, classes and properties a claim is about, shared by additions and corrections (a base class: not a type of the schema). */
@InputType({ description: 'What a claim is about besides its materials.' })
class ClaimSubjectFields {
  @Field(() => [StructuralFamilyEnum], { nullable: true, description: 'The structural families it is about.' })
  families?: StructuralFamily[] | null;

  @Field(() => [ChemicalClassEnum], { nullable: true, description: 'The chemical classes it is about.' })
  chemicalClasses?: ChemicalClass[] | null;

  @Field(() => [MeasuredPropertyEnum], { nullable: true, description: 'The properties it is about.' })
  properties?: PropertyKind[] | null;
}

@InputType({ description: 'A claim of a publication: a statement that is not a value (a mechanism, a criterion, a target...), with its subjects.' })
export class AddClaimInput extends ClaimSubjectFields {
  @Field(() => ClaimKindEnum, { description: 'What kind of statement it is.' })
  kind!: ClaimKind;

  @Field(() => String, { description: 'The claim in one self-contained sentence (1 to 5,000 characters); the printed words go in `provenance.quote`.' })
  statement!: string;

  @Field(() => [String], { nullable: true, description: 'The materials it is about: ids, names, aliases or formulas of materials in the graph (at most 20).' })
  materials?: string[] | null;

  @Field(() => ProvenanceInput, { nullable: true, description: 'Where it was published (required: a DOI or a full citation).' })
  provenance?: ProvenanceInput | null;
}

@InputType({ description: 'The fields of a claim to change; those not given keep their value (a list given replaces the old one). Its materials and publication cannot change (retract and add instead).' })
export class ClaimCorrectionInput extends ClaimSubjectFields {
  @Field(() => ClaimKindEnum, { nullable: true, description: 'What kind of statement it is.' })
  kind?: ClaimKind | null;

  @Field(() => String, { nullable: true, description: 'The claim in one self-contained sentence (1 to 5,000 characters); the printed words go in `provenance.quote`.' })
  statement?: string | null;
}

@InputType({ description: 'An element put on a site of the host material, and how much.' })
export class DopantInput {
  @Field(() => String, { description: "Element symbol, e.g. 'Ta'." })
  element!: string;

  @Field(() => String, { nullable: true, description: "The host site it occupies, e.g. 'Zr' (at most 20 characters)." })
  site?: string | null;

  @Field(() => String, { nullable: true, description: "Amount as printed: a number per formula unit ('0.5') or text ('x = 0.25'; at most 50 characters)." })
  amount?: string | null;
}

@InputType({ description: 'A variant of a material: a polymorph, a form and/or dopants (at least one, or a label).' })
export class AddVariantInput {
  @Field(() => String, { description: "The material: its id ('La3Li7O12Zr2'), a name or alias, or a formula of a material the graph has." })
  material!: string;

  @Field(() => String, { nullable: true, description: "Polymorph, e.g. 'cubic', 'tetragonal', 'β' (at most 50 characters)." })
  polymorph?: string | null;

  @Field(() => String, { nullable: true, description: "Form, e.g. 'glass', 'thin film', 'single crystal' (at most 100 characters)." })
  form?: string | null;

  @Field(() => [DopantInput], { nullable: true, description: 'Dopants with their sites and amounts (at most 10).' })
  dopants?: DopantInput[] | null;

  @Field(() => String, { nullable: true, description: "A name the publications give it, e.g. 'c-LLZO' (at most 100 characters)." })
  label?: string | null;
}

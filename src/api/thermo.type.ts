import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PHASE_ENTRY } from '../domain/model/phaseEntry.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { declaredType } from './nodeKinds.js';
import {
  ElectrodeClassEnum,
  MostExothermicKindEnum,
  PhaseEntrySourceEnum,
  PredictionMethodEnum,
  ReactantEnergySourceEnum,
  TargetEnergySourceEnum,
  ThermoStatusEnum,
} from './enums.js';

const METHOD =
  'Grand-potential phase diagram from DFT formation energies (Ong et al., Chem. Mater. 20, 1798 (2008), doi:10.1021/cm702327g; ' +
  'Zhu, He & Mo, ACS Appl. Mater. Interfaces 7, 23685 (2015), doi:10.1021/acsami.5b07517), solved as linear programs with HiGHS.';

@declaredType(PHASE_ENTRY)
export class PhaseEntry {}
// the fields as the record type has them (declared once in domain/model/phaseEntry.kind.ts)
export interface PhaseEntry extends RecordOf<typeof PHASE_ENTRY> {}

/** How a result says that it computed a named material's representative composition in its place. */
const REPRESENTATIVE_OF =
  "The named material (its id, e.g. 'named:NCA') whose representative composition was computed in its place, because it has " +
  "no single composition of its own (Material.representativeFormula, with its source); null for a material's own composition or a formula.";

@ObjectType({ description: 'A phase in an assemblage or a reaction, with how much of it.' })
export class PhaseAmount {
  @Field(() => String, {
    description:
      "The formula the phase is known by, amounts per its formula unit: diatomic elements, peroxides, polysulfides and S2Cl2 by their formula unit " +
      "('O2', 'Li2O2', 'Li2S8', 'S2Cl2'; pymatgen's special formulas extended), any other phase by its reduced formula ('Li2S').",
  })
  formula!: string;

  @Field(() => String, { description: "Reduced formula of its composition, e.g. 'LiO' for Li2O2, 'Li2S' for Li2S." })
  reducedFormula!: string;

  @Field(() => ID, { description: "Composition key (the id of the Material of this composition, if the graph holds one), e.g. 'Li2S1'." })
  compositionKey!: string;

  @Field(() => Float, {
    description: 'Formula units of the phase per formula unit of the target (stability windows, decompositions, profiles) or in the balanced reaction (interface reactions).',
  })
  amountPerFormulaUnit!: number;

  @Field(() => Float, { description: 'Share of the atoms of the assemblage in this phase, 0–1.' })
  atomFraction!: number;

  entryId!: string | null;
}

@ObjectType({ description: 'Which phase data a result was computed from.' })
export class PhaseDataSource {
  @Field(() => PhaseEntrySourceEnum, { description: 'Dataset, user entries, or virtual elemental references.' })
  kind!: string;

  @Field(() => Int, { description: 'Entries of this source in the chemical system (dataset rows, polymorphs included).' })
  entryCount!: number;

  datasetId!: string | null;
}

@ObjectType({ description: 'One step of the open-element uptake profile: the equilibrium over a range of electrode potential.' })
export class VoltageStep {
  @Field(() => Float, { description: 'Lower end of the range, V vs the open element (e.g. Li/Li+).' })
  fromV!: number;

  @Field(() => Float, { nullable: true, description: 'Upper end, V; null for the last step (any higher potential).' })
  toV!: number | null;

  @Field(() => Float, { description: 'Open-element atoms taken up per formula unit of the target (negative: given up), relative to the target.' })
  uptakePerFormulaUnit!: number;

  @Field(() => [PhaseAmount], { description: 'The equilibrium phases (the target itself inside its window).' })
  phases!: PhaseAmount[];
}

@ObjectType({
  description:
    `The electrochemical stability window of a composition computed from DFT phase data: the range of electrode potential over which ` +
    `it is thermodynamically stable against an open alkali reservoir, and what it turns into beyond each limit (the predicted ` +
    `interphase). ${METHOD} A composition above the hull of the other phases, or absent from the data, is lowered to 1e-6 eV/atom ` +
    `below that hull (stabilized), as in Zhu et al. 2015.`,
})
export class StabilityWindow {
  @Field(() => String, { description: 'The formula as asked.' })
  formula!: string;

  @Field(() => String, { description: "Reduced formula, e.g. 'Li3PS4'." })
  reducedFormula!: string;

  @Field(() => ID, { description: "Composition key, e.g. 'Li3P1S4' (the id of the Material of this composition)." })
  compositionKey!: string;

  @Field(() => String, { description: "Chemical system, e.g. 'Li-P-S'." })
  chemicalSystem!: string;

  @Field(() => String, { description: "The open element (the reservoir): 'Li', 'Na' or 'K'." })
  openElement!: string;

  @Field(() => String, { description: "Reference electrode of the limits, e.g. 'Li/Li+'." })
  referenceElectrode!: string;

  @Field(() => ThermoStatusEnum, { description: 'COMPUTED, or why not.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it was not computed; null when computed.' })
  reason!: string | null;

  @Field(() => Float, { nullable: true, description: 'Reduction (lower) limit, V vs the reference electrode; 0 when stable against the metal.' })
  reductionLimitV!: number | null;

  @Field(() => Float, { nullable: true, description: 'Oxidation (upper) limit, V vs the reference electrode.' })
  oxidationLimitV!: number | null;

  @Field(() => Boolean, { description: 'True when the reduction limit is the metal itself (0 V): nothing forms against it.' })
  stableAgainstMetal!: boolean;

  @Field(() => Boolean, {
    description:
      'True when the window is narrower than 1 mV: a stabilized or virtual composition whose equilibrium neighbours bracket its alkali content, ' +
      'stable at a single potential only.',
  })
  collapsed!: boolean;

  @Field(() => [PhaseAmount], { description: 'Phases it decomposes into just below the reduction limit (empty when stable against the metal).' })
  productsAtReduction!: PhaseAmount[];

  @Field(() => [PhaseAmount], { description: 'Phases it decomposes into just above the oxidation limit.' })
  productsAtOxidation!: PhaseAmount[];

  @Field(() => Boolean, { description: 'True when its energy was lowered onto the hull (metastable, or not in the data).' })
  stabilized!: boolean;

  @Field(() => TargetEnergySourceEnum, { description: 'Where its energy came from.' })
  energySource!: string;

  @Field(() => Float, { nullable: true, description: 'Formation energy of its lowest entry, eV/atom; null when not in the data.' })
  formationEnergyEvPerAtom!: number | null;

  @Field(() => Float, { nullable: true, description: 'Energy above the convex hull, eV/atom (0 for a stable phase); null when not in the data.' })
  energyAboveHullEvPerAtom!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Phase-separation energy: its energy minus the hull of all other phases, eV/atom (negative: stable by that much); null when not in the data.',
  })
  phaseSeparationEnergyEvPerAtom!: number | null;

  @Field(() => Float, { nullable: true, description: 'Hull energy of the other phases at its composition, eV/atom.' })
  hullEnergyOfOthersEvPerAtom!: number | null;

  @Field(() => [PhaseDataSource], { description: 'The phase data of its chemical system: datasets (with version), user entries, virtual references.' })
  dataSources!: PhaseDataSource[];

  @Field(() => ID, { nullable: true, description: REPRESENTATIVE_OF })
  representativeOf!: string | null;

  @Field(() => String, { description: 'The method, with its sources.' })
  method(): string {
    return METHOD;
  }

  targetEntryId!: string | null;
  cacheKey!: string;
}

@ObjectType({ description: `Energy above the convex hull and the stable phase assemblage of a composition. ${METHOD}` })
export class Decomposition {
  @Field(() => String, { description: 'The formula as asked.' })
  formula!: string;

  @Field(() => String, { description: 'Reduced formula.' })
  reducedFormula!: string;

  @Field(() => ID, { description: 'Composition key.' })
  compositionKey!: string;

  @Field(() => String, { description: 'Chemical system.' })
  chemicalSystem!: string;

  @Field(() => ThermoStatusEnum, { description: 'COMPUTED, or why not.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it was not computed.' })
  reason!: string | null;

  @Field(() => TargetEnergySourceEnum, { description: 'Where its energy came from.' })
  energySource!: string;

  @Field(() => Float, { nullable: true, description: 'Formation energy of its lowest entry, eV/atom; null when not in the data.' })
  formationEnergyEvPerAtom!: number | null;

  @Field(() => Float, { nullable: true, description: 'Energy of the convex hull at its composition, eV/atom.' })
  hullEnergyEvPerAtom!: number | null;

  @Field(() => Float, { nullable: true, description: 'Energy above the hull, eV/atom (0 when stable); null when not in the data.' })
  energyAboveHullEvPerAtom!: number | null;

  @Field(() => Float, { nullable: true, description: 'Its energy minus the hull of all other phases, eV/atom; null when not in the data.' })
  phaseSeparationEnergyEvPerAtom!: number | null;

  @Field(() => [PhaseAmount], { description: 'The stable phase assemblage at its composition (itself when stable), with amounts.' })
  phases!: PhaseAmount[];

  @Field(() => [PhaseAmount], { description: 'What it would decompose into without itself: the hull of the other phases at its composition.' })
  competingPhases!: PhaseAmount[];

  @Field(() => [PhaseDataSource], { description: 'The phase data of its chemical system.' })
  dataSources!: PhaseDataSource[];

  @Field(() => ID, { nullable: true, description: REPRESENTATIVE_OF })
  representativeOf!: string | null;

  targetEntryId!: string | null;
}

@ObjectType({ description: 'A reactant of an interface reaction and the energy it took part with.' })
export class Reactant {
  @Field(() => String, { description: 'The formula as given.' })
  formula!: string;

  @Field(() => ID, { description: 'Composition key.' })
  compositionKey!: string;

  @Field(() => Float, { nullable: true, description: 'Energy used, eV/atom (with an open element: grand potential per atom of the other elements); null when not computed.' })
  energyEvPerAtom!: number | null;

  @Field(() => ReactantEnergySourceEnum, { description: 'Where that energy came from.' })
  energySource!: string;

  @Field(() => ID, { nullable: true, description: REPRESENTATIVE_OF })
  representativeOf?: string | null;

  @Field(() => Float, { nullable: true, description: 'Energy of the (grand-potential) hull at its composition, eV/atom (with an open element: per atom of the other elements); null when not computed.' })
  hullEnergyEvPerAtom!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Energy of its own decomposition, without the partner: hull minus its own entry's energy, eV/atom, ≤ 0 (0 when it is on the hull; with an open " +
      'element, its breakdown at that potential). This is what the kink at its end (x = 1 for A, x = 0 for B) shows; null when not computed.',
  })
  ownDecompositionEnergyEvPerAtom!: number | null;

  @Field(() => [PhaseAmount], { description: 'What it decomposes into on its own (empty when it does not), per formula unit of it as given.' })
  ownDecompositionProducts!: PhaseAmount[];
}

@ObjectType({ description: 'A mixing ratio at which the reaction products change (a kink of the reaction-energy curve), with its reaction.' })
export class InterfaceReactionKink {
  @Field(() => Int, { description: '1-based, from pure reactant B (x = 0) to pure reactant A (x = 1).' })
  index!: number;

  @Field(() => Float, { description: 'Mixing ratio x: fraction of the atoms of the mixture that come from reactant A (per atom, pymatgen norm=True).' })
  mixingRatio!: number;

  @Field(() => Float, { description: 'Mixing ratio in formula units: x_fu A + (1 − x_fu) B, formulas as given (pymatgen norm=False).' })
  mixingRatioPerFormulaUnit!: number;

  @Field(() => Float, { description: 'Reaction energy, eV/atom of the mixture (with an open element: per atom of the other elements); ≤ 0.' })
  reactionEnergyEvPerAtom!: number;

  @Field(() => Float, {
    description:
      "The part of the reaction energy due to the partner, eV/atom: against the reactants' hull energies, their own decompositions taken out " +
      "(pymatgen InterfacialReactivity use_hull_energy=True); ≤ 0, 0 at both ends.",
  })
  mixingEnergyEvPerAtom!: number;

  @Field(() => Float, { description: 'Reaction energy per formula unit of the mixture x_fu A + (1 − x_fu) B, eV.' })
  reactionEnergyEvPerFormulaUnit!: number;

  @Field(() => Float, { description: 'Reaction energy per mole of the balanced reaction as written, kJ/mol (1 eV = 96.485 kJ/mol, CODATA 2018).' })
  reactionEnergyKjPerMol!: number;

  @Field(() => String, { description: "The balanced reaction, e.g. '0.5 O2 + 0.5 Mn -> 0.25 Mn2O4'; the open element appears as exchanged with the reservoir." })
  reaction!: string;

  @Field(() => [PhaseAmount], { description: 'The products, amounts in formula units of the balanced reaction.' })
  products!: PhaseAmount[];
}

@ObjectType({
  description:
    'Reactions at the interface of two materials from the pseudo-binary mixing of their compositions (Richards et al., Chem. Mater. 28, 266 ' +
    '(2016), doi:10.1021/acs.chemmater.5b04082; pymatgen InterfacialReactivity, doi:10.1016/j.commatsci.2012.10.028): ' +
    'E_rxn(x) = E_hull(x·A + (1−x)·B) − x·E_A − (1−x)·E_B, with E_A, E_B the reactants\' lowest entries (the hull where they have none). ' +
    'With an open element at a potential, the same on the grand potential per atom of the other elements, the reactants at their ' +
    'grand-potential hull energies (pymatgen GrandPotentialInterfacialReactivity defaults): a reactant that itself breaks down at that ' +
    'potential shows no energy for it here (see stabilityWindow).',
})
export class InterfaceReaction {
  @Field(() => Reactant, { description: 'Reactant A (x = 1).' })
  reactantA!: Reactant;

  @Field(() => Reactant, { description: 'Reactant B (x = 0).' })
  reactantB!: Reactant;

  @Field(() => String, { description: 'Chemical system of the two (and the open element).' })
  chemicalSystem!: string;

  @Field(() => String, { nullable: true, description: 'The open element, if any.' })
  openElement!: string | null;

  @Field(() => Float, { nullable: true, description: 'Potential of the open element, V vs its metal; null without one.' })
  voltageV!: number | null;

  @Field(() => String, { nullable: true, description: "Reference electrode of voltageV, e.g. 'Li/Li+'." })
  referenceElectrode!: string | null;

  @Field(() => ThermoStatusEnum, { description: 'COMPUTED, or why not.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it was not computed.' })
  reason!: string | null;

  @Field(() => [InterfaceReactionKink], { description: 'Every kink, x ascending, both ends included.' })
  kinks!: InterfaceReactionKink[];

  @Field(() => InterfaceReactionKink, {
    nullable: true,
    description: 'The kink of most negative reaction energy per atom (pymatgen\'s minimum); it may be an end, a reactant decomposing on its own: see mostExothermicIs.',
  })
  mostExothermic!: InterfaceReactionKink | null;

  @Field(() => MostExothermicKindEnum, { nullable: true, description: 'What mostExothermic is: the reaction of the two, or a reactant\'s own decomposition; null when not computed.' })
  mostExothermicIs!: string | null;

  @Field(() => InterfaceReactionKink, {
    nullable: true,
    description: 'The reaction with the partner: the kink between the ends of most negative mixingEnergyEvPerAtom; null when the two do not react beyond their own decompositions.',
  })
  mostExothermicWithPartner!: InterfaceReactionKink | null;

  @Field(() => [PhaseDataSource], { description: 'The phase data of the chemical system.' })
  dataSources!: PhaseDataSource[];
}

@ObjectType({ description: 'A reported observation left out of the comparison with the computation, and why.' })
export class SetAsideObservation {
  @Field(() => ID, { description: "The observation's id." })
  observationId!: string;

  @Field(() => String, { description: "Why: a doped or hydrated variant of a side, or a coated counterpart (the computation is of the plain compositions)." })
  reason!: string;
}

@ObjectType({
  description:
    'What thermodynamics predicts at a reported interface, at the electrode\'s operating potential, side by side with the interphase products observed there ' +
    '(observations of the same compositions only; the reactants themselves and products with elements neither side has left out of the comparison).',
})
export class InterphasePrediction {
  @Field(() => PredictionMethodEnum, { description: 'How the prediction was made.' })
  method!: string;

  @Field(() => ElectrodeClassEnum, { description: 'What the counterpart is as an electrode (decides the potential).' })
  electrodeClass!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'The electrode potential the interface was computed at, V vs referenceElectrode: 0 for the alkali metal, the argument electrodePotential for a cathode, ' +
      "else its class's default (4.2 V vs Li/Li+ for a layered oxide); null when computed without a reservoir.",
  })
  electrodePotentialV!: number | null;

  @Field(() => String, { nullable: true, description: "Reference electrode of electrodePotentialV, e.g. 'Li/Li+'." })
  referenceElectrode!: string | null;

  @Field(() => ThermoStatusEnum, { description: 'COMPUTED, or why not.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it was not computed.' })
  reason!: string | null;

  @Field(() => [PhaseAmount], { description: 'Predicted products (empty: no reaction predicted).' })
  predictedProducts!: PhaseAmount[];

  @Field(() => [String], { description: 'Formulas both predicted and observed (compared by composition).' })
  common!: string[];

  @Field(() => [String], { description: 'Formulas predicted but not reported.' })
  onlyPredicted!: string[];

  @Field(() => [String], { description: 'Products reported but not predicted (formula, or name for a material without one).' })
  onlyObserved!: string[];

  @Field(() => [String], { description: 'Reported "products" that are one of the two reactants (e.g. tetragonal LLZO): not part of the comparison.' })
  observedReactants!: string[];

  @Field(() => [String], { description: 'Reported products with an element neither side has (e.g. Li2CO3 from CO2): not part of the comparison, the computation cannot form them.' })
  observedOutsideSystem!: string[];

  @Field(() => Float, { nullable: true, description: 'Jaccard index |common| / |predicted ∪ observed|, 0–1, over what is compared; null when both are empty.' })
  jaccardIndex!: number | null;

  @Field(() => [ID], { description: 'The observations compared (those of the plain compositions).' })
  comparedObservationIds!: string[];

  @Field(() => [SetAsideObservation], { description: 'The observations left out of the comparison, each with the reason.' })
  setAsideObservations!: SetAsideObservation[];

  @Field(() => Boolean, {
    description: 'True when the computation and a compared observation disagree: a reaction computed where a source reports the interface thermodynamically stable, or none computed where a source reports products.',
  })
  disagrees!: boolean;

  @Field(() => String, { nullable: true, description: 'Why they disagree, in one sentence with the observation id; null when they do not.' })
  disagreementReason!: string | null;

  @Field(() => InterfaceReactionKink, {
    nullable: true,
    description: 'For REACTION_AT_ELECTRODE_POTENTIAL and MOST_EXOTHERMIC_REACTION: the kink the products come from, the reaction with the partner (never a reactant\'s own decomposition).',
  })
  reaction!: InterfaceReactionKink | null;

  @Field(() => StabilityWindow, { nullable: true, description: "For EQUILIBRIUM_AT_METAL: the electrolyte's computed window." })
  window!: StabilityWindow | null;

  @Field(() => [ID], {
    description:
      'The named materials of the interface (ids, e.g. \'named:NCA\') that were computed at their representative compositions ' +
      '(Material.representativeFormula) because they have no single composition of their own; empty when both are compositions.',
  })
  representativeOf!: string[];

  observedProductIds!: string[];
}

/**
 * GraphQL enums, registered from the domain's vocabularies so there is one list of values.
 */
import { registerEnumType } from 'type-graphql';
import { CHEMICAL_CLASSES } from '../domain/chemicalClass.js';
import { STRUCTURAL_FAMILIES } from '../domain/families.js';
import {
  CELL_TYPES,
  CITATION_CONFIDENCE,
  CLAIM_KINDS,
  COATING_ROLES,
  COMPONENT_ROLES,
  COUNTERPART_KINDS,
  DEPOSITION_METHODS,
  INTERPHASE_TYPES,
  REFERENCE_SCALES,
  STABILITY_CLASSES,
  TECHNIQUES,
  VARIANT_SCOPES,
  WINDOW_METHODS,
} from '../domain/vocabulary.js';
import { ARRHENIUS_FORMS, ESTIMATE_STATUSES, PREFACTOR_UNIT } from '../domain/arrhenius.js';
import { CONDUCTIVITY_CONTRIBUTIONS } from '../domain/model/measurement.kind.js';
import type { FactStatus } from '../domain/model/curation.kind.js';
import type { FieldErrorCode } from '../domain/curation/validation.js';
import type { CurationStatus } from '../services/curation/facts.service.js';
import { PROPERTIES } from '../domain/units/properties.js';
import { QUALIFIER_SYMBOL } from '../domain/values/printedValue.js';

/** Every registered enum by its GraphQL name (the node kinds of domain/model name their enums so). */
export const ENUMS_BY_NAME = new Map<string, object>();

function registerEnum<E extends object>(e: E, config: Parameters<typeof registerEnumType<E>>[1]): void {
  registerEnumType(e, config);
  ENUMS_BY_NAME.set(config.name, e);
}

function enumOf<K extends string>(keys: readonly K[]): { [P in K]: P } {
  return Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P };
}

export const StructuralFamilyEnum = enumOf(Object.keys(STRUCTURAL_FAMILIES) as (keyof typeof STRUCTURAL_FAMILIES)[]);
registerEnum(StructuralFamilyEnum, {
  name: 'StructuralFamily',
  description:
    'Structural family of a solid electrolyte (controlled vocabulary). Labels printed by sources are mapped to it ' +
    'and kept as printed in `familyLabels`.',
  valuesConfig: Object.fromEntries(Object.entries(STRUCTURAL_FAMILIES).map(([k, d]) => [k, { description: d }])),
});

export const MeasuredPropertyEnum = enumOf(Object.keys(PROPERTIES) as (keyof typeof PROPERTIES)[]);
registerEnum(MeasuredPropertyEnum, {
  name: 'MeasuredProperty',
  description: 'A measured property; each has one canonical unit in which `value`, `min` and `max` are given.',
  valuesConfig: Object.fromEntries(
    Object.entries(PROPERTIES).map(([k, p]) => [k, { description: `${'description' in p ? p.description : p.label}, canonical unit ${p.canonicalUnit}` }]),
  ),
});

export const QualifierEnum = enumOf(Object.keys(QUALIFIER_SYMBOL) as (keyof typeof QUALIFIER_SYMBOL)[]);
registerEnum(QualifierEnum, {
  name: 'Qualifier',
  description: 'How a printed value relates to the true value.',
  valuesConfig: {
    EQUAL: { description: "'=': `value` is the value." },
    APPROXIMATE: { description: "'~': `value` is approximate." },
    REPORTED_MAXIMUM: {
      description:
        "'up to' / 'as high as': the highest value the source reports as reached; `value` is that number (orders and " +
        'statistics use it), `min` and `max` are null. Not a censored bound.',
    },
    LESS_THAN: { description: "'<' (or '≤'): an upper bound (censored value); `max` is the bound, `value` is null." },
    GREATER_THAN: { description: "'>' (or '≥'): a lower bound; `min` is the bound, `value` is null." },
    RANGE: { description: "'–': a range from `min` to `max`; `value` is null." },
  },
});

export const ConductivityContributionEnum = enumOf(CONDUCTIVITY_CONTRIBUTIONS);
registerEnum(ConductivityContributionEnum, {
  name: 'ConductivityContribution',
  description: 'Which contribution of an impedance measurement a conductivity is.',
  valuesConfig: {
    TOTAL: { description: 'Total (bulk + grain boundary) conductivity.' },
    BULK: { description: 'Bulk (grain interior) conductivity.' },
    GRAIN_BOUNDARY: { description: 'Grain-boundary conductivity.' },
    UNSPECIFIED: { description: 'The source does not say.' },
  },
});

/** Registers a vocabulary (value → meaning) as a GraphQL enum with descriptions. */
function vocabularyEnum<V extends Record<string, string>>(vocabulary: V, name: string, description: string) {
  const e = enumOf(Object.keys(vocabulary) as Extract<keyof V, string>[]);
  registerEnum(e, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.entries(vocabulary).map(([k, d]) => [k, { description: d }])) as never,
  });
  return e;
}

export const ChemicalClassEnum = vocabularyEnum(CHEMICAL_CLASSES, 'ChemicalClass', 'Chemical class of a material by its anion chemistry (sulfide, oxide, halide electrolytes...).');
export const MaterialKindEnum = vocabularyEnum(
  {
    COMPOSITION: 'a composition: the id is its composition key',
    NAMED: "a material without one fixed composition (LiPON, NCM, a polymer): the id is 'named:<name>'",
  },
  'MaterialKind',
  'Whether a material is one composition or a named material.',
);
export const ClaimKindEnum = vocabularyEnum(CLAIM_KINDS, 'ClaimKind', 'What kind of statement a claim is (what a review states that is not a value of a property).');
export const TechniqueEnum = vocabularyEnum(TECHNIQUES, 'Technique', 'Characterisation or computational technique that gave the evidence.');
export const DepositionMethodEnum = vocabularyEnum(DEPOSITION_METHODS, 'DepositionMethod', 'How a coating or interlayer was applied.');
export const CoatingRoleEnum = vocabularyEnum(COATING_ROLES, 'CoatingRole', 'Where a coating or interlayer sits.');
export const WindowMethodEnum = vocabularyEnum(WINDOW_METHODS, 'WindowMethod', 'How a stability window was obtained (computed windows are intrinsic; CV with flat electrodes overestimates).');
export const ReferenceScaleEnum = vocabularyEnum(REFERENCE_SCALES, 'ReferenceScale', 'Reference electrode of a potential.');
export const CounterpartKindEnum = vocabularyEnum(COUNTERPART_KINDS, 'CounterpartKind', 'What an electrolyte meets at an interface.');
export const StabilityClassEnum = vocabularyEnum(
  STABILITY_CLASSES,
  'StabilityClass',
  'Interface stability class (Zhu, He & Mo 2015, doi:10.1021/acsami.5b07517): stable, kinetically stabilised, artificially protected, or unstable.',
);
export const InterphaseTypeEnum = vocabularyEnum(
  INTERPHASE_TYPES,
  'InterphaseType',
  'Interphase type of Wenzel et al. 2015 (doi:10.1016/j.ssi.2015.06.001).',
);
export const CellTypeEnum = vocabularyEnum(CELL_TYPES, 'CellType', 'Cell configuration.');
export const ComponentRoleEnum = vocabularyEnum(COMPONENT_ROLES, 'ComponentRole', 'Role of a component in a cell.');
export const CitationConfidenceEnum = vocabularyEnum(CITATION_CONFIDENCE, 'CitationConfidence', 'How far the printed reference can be trusted to be the paper that reported a fact.');
export const SourceKindEnum = vocabularyEnum(
  {
    DATASET: 'a record of an external dataset (e.g. OBELiX)',
    REVIEW: 'a statement of one of the source reviews',
    CURATED: 'a fact a contributor added through the API (addMeasurement...), with its publication',
  },
  'SourceKind',
  'Where a fact was read.',
);
export const FactStatusEnum = vocabularyEnum(
  {
    CURRENT: 'read by every list and field',
    PROPOSED: 'added by a contributor, waiting for a curator to accept it (PROPOSALS_REQUIRED); read by no list',
    RETRACTED: 'withdrawn by a curator, with its reason; read by no list, shown by factHistory',
    REJECTED: 'a proposal a curator refused, with the reason; read by no list, shown by factHistory',
  } satisfies Record<FactStatus, string>,
  'FactStatus',
  'Where a fact stands.',
);
export const CurationStatusEnum = vocabularyEnum(
  {
    ADDED: 'the submission was stored and is read by every list',
    PROPOSED: 'the submission was stored as a proposal (PROPOSALS_REQUIRED): read by no list until a curator accepts it',
    DUPLICATE: 'the graph already holds it (`duplicateOf`); nothing was written',
    CORRECTED: 'a new version of the fact was stored; the former one is in its history',
    RETRACTED: 'the fact was retracted with the reason; read by no list, shown by factHistory',
    ACCEPTED: 'the proposal became a current fact',
    REJECTED: 'the proposal was rejected with the reason',
    REVERTED: 'every change of the change set was undone (a REVERT change set records it)',
    INVALID: 'a field is wrong (`errors` names each); nothing was written',
  } satisfies Record<CurationStatus, string>,
  'CurationStatus',
  'What a write of facts did.',
);
export const FieldErrorCodeEnum = vocabularyEnum(
  {
    REQUIRED: 'the field is missing or empty',
    MALFORMED: 'the text cannot be read (a formula, a DOI, a number that is not finite)',
    UNKNOWN_UNIT: 'the unit is unknown or not a unit of the property',
    OUT_OF_RANGE: 'the value is not physically plausible (σ ≤ 0, T ≤ 0 K, a potential outside −5…10 V vs Li/Li+, a fraction outside [0, 1])',
    TOO_LONG: 'the text is longer than the field accepts',
    NOT_FOUND: 'the material, publication, fact or change set it names is not in the graph',
    CONFLICT: 'the entity is not in a state the write needs (a retracted fact corrected, a proposal accepted twice, a revert after later changes)',
  } satisfies Record<FieldErrorCode, string>,
  'FieldErrorCode',
  'Why a field of a submission was refused.',
);
export const PublicationRoleEnum = vocabularyEnum(
  {
    ORIGINAL: 'the publication reported the fact: the paper the review or dataset cites for it, or the paper meant when the printed reference is wrong',
    REVIEW: 'the publication is the review that states the fact',
  },
  'PublicationRole',
  "A publication's part in a fact.",
);
export const MaterialCoatingRoleEnum = vocabularyEnum(
  { COATING: 'the material is the coating', SUBSTRATE: 'the material is what was coated', ELECTROLYTE: 'the material is the paired solid electrolyte' },
  'MaterialCoatingRole',
  "A material's part in a coating application.",
);

export const ThermoStatusEnum = vocabularyEnum(
  {
    COMPUTED: 'computed from the phase data',
    INSUFFICIENT_DATA: 'not computed: the phase data hold no compound below the elements at this composition (see `reason`)',
    ELEMENT_WITHOUT_DATA: 'not computed: an element of the system has no entry at all in the phase data (see `reason`)',
  },
  'ThermoStatus',
  'Whether a derived thermodynamic property was computed, or why not. A lack of data is a status, not an error.',
);
export const TargetEnergySourceEnum = vocabularyEnum(
  {
    DATASET: 'the lowest entry of the composition in an imported dataset',
    USER: "an entry a user added (addPhaseEntry), lower than the datasets'",
    VIRTUAL_AT_HULL: 'the composition is not in the phase data: a virtual entry at the hull energy of the other phases',
  },
  'TargetEnergySource',
  'Where the energy of the composition a computation is about came from.',
);
export const PhaseEntrySourceEnum = vocabularyEnum(
  {
    DATASET: 'an imported dataset (see `dataset`)',
    USER: 'added by a user through addPhaseEntry (see `label`)',
    ELEMENT_REFERENCE: 'a virtual elemental reference at 0 eV/atom for an element without any entry',
  },
  'PhaseEntrySource',
  'Where a phase entry comes from.',
);
export const ReactantEnergySourceEnum = vocabularyEnum(
  {
    DATASET: "the reactant's lowest dataset entry",
    USER: "the reactant's lowest entry, a user's",
    HULL: 'the hull energy at its composition (not in the data below the elements; always with an open element)',
  },
  'ReactantEnergySource',
  'Where the energy of a reactant of an interface reaction came from (pymatgen InterfacialReactivity, use_hull_energy=False).',
);
export const PredictionMethodEnum = vocabularyEnum(
  {
    EQUILIBRIUM_AT_METAL:
      "against the electrolyte's own alkali metal: the grand-potential equilibrium at 0 V, the fully reduced assemblage (Zhu, He & Mo 2015, doi:10.1021/acsami.5b07517)",
    REACTION_AT_ELECTRODE_POTENTIAL:
      'against a cathode: the most exothermic reaction with the partner with the alkali open at the electrode potential, μ_A = μ_A⁰ − eV (grand potential, Zhu, He & Mo 2015, doi:10.1021/acsami.5b07517; interface reaction, Richards et al. 2016, doi:10.1021/acs.chemmater.5b04082)',
    MOST_EXOTHERMIC_REACTION:
      'against another material: the products of the most exothermic reaction with the partner (Richards et al. 2016, doi:10.1021/acs.chemmater.5b04082)',
  },
  'PredictionMethod',
  'How the interphase at an interface is predicted.',
);
export const ElectrodeClassEnum = vocabularyEnum(
  {
    ALKALI_METAL: "the electrolyte's own alkali metal: 0 V vs A/A+ by definition",
    LAYERED_OXIDE:
      'a layered oxide cathode A M O2 with a redox metal (LiCoO2, NCM, NCA): by default 4.2 V vs Li/Li+, LixCoO2 at x ≈ 0.5, the usual end of charge (Reimers & Dahn, J. Electrochem. Soc. 139, 2091 (1992), doi:10.1149/1.2221184)',
    OTHER_CATHODE: 'another cathode holding the alkali and a redox metal (spinel, polyanion): no default potential; computed without a reservoir unless electrodePotential is given',
    NOT_AN_ELECTRODE: 'not an electrode of the alkali (another electrolyte, a coating, a current collector): computed without a reservoir',
  },
  'ElectrodeClass',
  'What the counterpart of an interface is as an electrode, which decides the potential the interface is computed at.',
);
export const MostExothermicKindEnum = vocabularyEnum(
  {
    REACTION_WITH_PARTNER: 'a reaction of the two reactants (a kink between the ends)',
    DECOMPOSITION_OF_A: "reactant A's own decomposition (x = 1): A is above the hull, and nothing with B releases more",
    DECOMPOSITION_OF_B: "reactant B's own decomposition (x = 0)",
    NO_REACTION: 'no kink lies below 0 eV/atom',
  },
  'MostExothermicKind',
  'What the most exothermic kink of an interface reaction is: the reaction of the two, or one reactant decomposing on its own.',
);

export const VariantScopeEnum = enumOf(Object.keys(VARIANT_SCOPES) as (keyof typeof VARIANT_SCOPES)[]);
registerEnum(VariantScopeEnum, {
  name: 'VariantScope',
  description:
    "Which facts a filter by a material's name selects, by the variant (dopant, polymorph, form) each fact is about: a " +
    "variant's facts are kept apart from its material's and roll up to it on request.",
  valuesConfig: Object.fromEntries(Object.entries(VARIANT_SCOPES).map(([k, d]) => [k, { description: d }])),
});

export const ArrheniusFormEnum = vocabularyEnum(
  Object.fromEntries(Object.entries(ARRHENIUS_FORMS).map(([k, f]) => [k, `${f}: σ in S/cm, T in K, Ea in eV, prefactor A in ${PREFACTOR_UNIT[k as keyof typeof ARRHENIUS_FORMS]}`])) as {
    [K in keyof typeof ARRHENIUS_FORMS]: string;
  },
  'ArrheniusForm',
  'The form of Arrhenius\' law an ionic conductivity is extrapolated with (k_B = 8.617333262e-5 eV/K, CODATA 2018).',
);
export const ConductivityEstimateStatusEnum = vocabularyEnum(ESTIMATE_STATUSES, 'ConductivityEstimateStatus', 'How an estimate of a conductivity at a temperature was made.');

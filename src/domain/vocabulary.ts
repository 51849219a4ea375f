/**
 * Controlled vocabularies of the literature graph, each value with its meaning. They become GraphQL
 * enums (src/api/enums.ts) and constrain the curated seed records (src/services/seed).
 *
 * Sources of the classification schemes:
 * - interphase stability classes: thermodynamically stable, kinetically stabilised (self-limiting
 *   interphase), artificially protected (coating/interlayer): Zhu, He & Mo, ACS Appl. Mater. Interfaces
 *   7, 23685 (2015), doi:10.1021/acsami.5b07517; Famprikis et al., Nat. Mater. 18, 1278 (2019),
 *   doi:10.1038/s41563-019-0431-3;
 * - interphase types 1–3: Wenzel et al., Solid State Ionics 278, 98 (2015),
 *   doi:10.1016/j.ssi.2015.06.001 (type 1 stable, type 2 mixed ionic-electronic conducting and growing,
 *   type 3 ion-conducting but electronically insulating, i.e. passivating).
 */

type Vocabulary = Readonly<Record<string, string>>;

export const TECHNIQUES = {
  XPS: 'X-ray photoelectron spectroscopy (surface chemistry, oxidation states)',
  HAXPES: 'hard X-ray photoelectron spectroscopy (buried interfaces)',
  TOF_SIMS: 'time-of-flight secondary-ion mass spectrometry (depth profiles of interphase species)',
  SIMS: 'secondary-ion mass spectrometry',
  AES: 'Auger electron spectroscopy',
  TEM: 'transmission electron microscopy',
  STEM: 'scanning transmission electron microscopy',
  EELS: 'electron energy-loss spectroscopy',
  EDS: 'energy-dispersive X-ray spectroscopy',
  SEM: 'scanning electron microscopy',
  FIB_SEM: 'focused-ion-beam SEM (cross sections, 3D)',
  XRD: 'X-ray diffraction',
  NEUTRON_DIFFRACTION: 'neutron diffraction',
  PDF: 'pair distribution function analysis',
  XAS: 'X-ray absorption spectroscopy (XANES, EXAFS)',
  NMR: 'nuclear magnetic resonance (incl. solid-state MAS NMR, relaxometry)',
  RAMAN: 'Raman spectroscopy',
  FTIR: 'Fourier-transform infrared spectroscopy',
  EIS: 'electrochemical impedance spectroscopy',
  CV: 'cyclic or linear-sweep voltammetry',
  GALVANOSTATIC_CYCLING: 'galvanostatic cycling, plating/stripping, CCD tests',
  GITT: 'galvanostatic intermittent titration / DC polarisation',
  DEMS: 'differential or online electrochemical mass spectrometry (gas evolution)',
  XCT: 'X-ray computed tomography',
  NDP: 'neutron depth profiling',
  AFM: 'atomic force microscopy',
  KPFM: 'Kelvin probe force microscopy',
  OPTICAL_MICROSCOPY: 'optical (operando) microscopy',
  NANOINDENTATION: 'nanoindentation and other mechanical testing',
  THERMAL_ANALYSIS: 'thermal analysis (DSC, TGA, dilatometry)',
  DFT: 'density-functional theory (phase diagrams, interface reaction energies)',
  AIMD: 'ab initio molecular dynamics',
  MD: 'classical molecular dynamics',
  CONTINUUM_MODELLING: 'continuum, phase-field or finite-element modelling',
  OTHER: 'another technique, named in the text',
} as const satisfies Vocabulary;
export type Technique = keyof typeof TECHNIQUES;

export const DEPOSITION_METHODS = {
  ALD: 'atomic layer deposition',
  SOL_GEL: 'sol-gel or other wet-chemical (solution) coating',
  PLD: 'pulsed laser deposition',
  SPUTTERING: 'sputtering (RF, magnetron)',
  CVD: 'chemical vapour deposition',
  EVAPORATION: 'thermal or e-beam evaporation',
  SPRAY: 'spray coating or spray drying',
  DRY_COATING: 'dry mechanical coating (mechanofusion, ball milling)',
  SOLUTION_INFILTRATION: 'infiltration or coating from a solution of the electrolyte itself',
  MOLTEN: 'molten metal or melt infiltration',
  ELECTROCHEMICAL: 'formed electrochemically (in situ during cycling or by deposition)',
  IN_SITU_REACTION: 'formed by a chemical reaction in situ (e.g. a reactive interlayer converting)',
  SINTERING: 'applied before or during sintering (e.g. on grains)',
  COMPUTATIONAL: 'proposed or evaluated by computation only',
  NOT_STATED: 'the review does not say',
  OTHER: 'another method, named in the record',
} as const satisfies Vocabulary;
export type DepositionMethod = keyof typeof DEPOSITION_METHODS;

export const COATING_ROLES = {
  CATHODE_COATING: 'a coating on cathode particles or the cathode | electrolyte interface',
  ANODE_INTERLAYER: 'an interlayer or coating at the anode | electrolyte interface',
  ELECTROLYTE_COATING: 'a coating on the solid electrolyte surface',
  GRAIN_BOUNDARY_COATING: 'a coating on electrolyte grains (grain-boundary engineering)',
  OTHER: 'another placement, named in the record',
} as const satisfies Vocabulary;
export type CoatingRole = keyof typeof COATING_ROLES;

export const WINDOW_METHODS = {
  COMPUTED_THERMODYNAMIC: 'computed: DFT grand-potential phase diagram (thermodynamic, intrinsic window)',
  COMPUTED_OTHER: 'computed otherwise (e.g. HOMO/LUMO, band edges)',
  CV_CARBON_COMPOSITE: 'cyclic voltammetry with an electrolyte–carbon composite working electrode',
  CV_BLOCKING_ELECTRODE: 'cyclic voltammetry against a flat blocking electrode (e.g. Li | SE | Pt; overestimates)',
  CV: 'voltammetry, set-up not stated',
  EXPERIMENT_OTHER: 'another experiment (spectroscopy after polarisation, practical redox activity)',
  NOT_STATED: 'the review does not say how',
} as const satisfies Vocabulary;
export type WindowMethod = keyof typeof WINDOW_METHODS;

export const REFERENCE_SCALES = {
  LI: 'V vs Li/Li+',
  NA: 'V vs Na/Na+',
  K: 'V vs K/K+',
  MG: 'V vs Mg/Mg2+',
  OTHER: 'another reference electrode, named in the record',
} as const satisfies Vocabulary;
export type ReferenceScale = keyof typeof REFERENCE_SCALES;

export const COUNTERPART_KINDS = {
  MATERIAL: 'a material: electrode, metal, current collector, coating, another electrolyte',
  APPLIED_POTENTIAL: 'an applied potential without a named electrode (electrochemical decomposition)',
  ENVIRONMENT: 'an environment: air, moisture, solvent, atmosphere',
} as const satisfies Vocabulary;
export type CounterpartKind = keyof typeof COUNTERPART_KINDS;

export const STABILITY_CLASSES = {
  THERMODYNAMICALLY_STABLE: 'thermodynamically stable: no reaction',
  KINETICALLY_STABILIZED: 'kinetically stabilised: a self-limiting interphase stops further reaction',
  ARTIFICIALLY_PROTECTED: 'artificially protected by a coating or interlayer',
  UNSTABLE: 'unstable: continuous reaction or growing interphase',
} as const satisfies Vocabulary;
export type StabilityClass = keyof typeof STABILITY_CLASSES;

export const INTERPHASE_TYPES = {
  TYPE_1_STABLE: 'type 1: thermodynamically stable interface, no interphase',
  TYPE_2_MIXED_CONDUCTING: 'type 2: mixed ionic-electronic conducting interphase that keeps growing',
  TYPE_3_PASSIVATING: 'type 3: ion-conducting, electronically insulating (passivating, self-limiting) interphase',
} as const satisfies Vocabulary;
export type InterphaseType = keyof typeof INTERPHASE_TYPES;

export const CELL_TYPES = {
  FULL: 'full cell (anode and cathode)',
  HALF: 'half cell (one working electrode against a metal counter/reference electrode)',
  SYMMETRIC: 'symmetric cell (the same electrode on both sides; plating/stripping, CCD)',
  OTHER: 'another configuration (e.g. blocking-electrode cell), named in the record',
} as const satisfies Vocabulary;
export type CellType = keyof typeof CELL_TYPES;

export const COMPONENT_ROLES = {
  ANODE: 'negative electrode (active material)',
  CATHODE: 'positive electrode (active material)',
  ELECTRODE: 'electrode of a symmetric cell',
  ELECTROLYTE: 'separator solid electrolyte',
  CATHOLYTE: 'solid electrolyte inside the cathode composite',
  ANOLYTE: 'solid electrolyte inside the anode composite, or a second electrolyte layer on the anode side',
  COATING: 'coating on an electrode or electrolyte',
  INTERLAYER: 'interlayer between two components',
  CONDUCTIVE_ADDITIVE: 'electronic conductor in a composite (carbon)',
  BINDER: 'binder',
  CURRENT_COLLECTOR: 'current collector',
  LIQUID_ELECTROLYTE: 'a liquid or polymer electrolyte (hybrid cells, benchmarks)',
  OTHER: 'another component, named in the record',
} as const satisfies Vocabulary;
export type ComponentRole = keyof typeof COMPONENT_ROLES;

export const CITATION_CONFIDENCE = {
  CONFIDENT: 'the printed reference is the paper that reported the fact',
  DOUBTFUL: 'the printed reference may not be the paper that reported the fact (e.g. a missing or shifted superscript)',
  WRONG: 'the printed reference does not match the fact; `correctedReference` names the likely one',
  NONE: 'the review gives no reference for the statement',
} as const satisfies Vocabulary;
export type CitationConfidence = keyof typeof CITATION_CONFIDENCE;

/** What kind of statement a claim is: what a review states that is not a value of a property. */
export const CLAIM_KINDS = {
  MECHANISM: 'how or why something happens physically or chemically (a dopant creates vacancies; Li2CO3 forms in humid air)',
  EXPLANATION: 'why an observation is as it is (a film is less conductive than the bulk because ...)',
  CRITERION: 'a criterion, design rule or threshold a material or interface must satisfy (a shear modulus above twice that of Li)',
  TARGET: 'a target or benchmark (a critical current density of 3–5 mA/cm², an energy density, a cost)',
  COMPARISON: 'an order, ranking or comparison across materials, classes or methods (oxidation stability by anion)',
  SYNTHESIS_ROUTE: 'how a material is made (mechanochemical, solid-state, solution or melt-quench synthesis), with its temperatures',
  PROCESSING_ROUTE: 'how it is made into a component (cold or hot pressing, sintering, tape casting, thin-film deposition)',
  REMEDY: 'how to remove or avoid a problem (remove Li2CO3 by heat or acid treatment; keep away from moisture)',
  STRATEGY: 'a general approach to improve something (interlayers, second-phase additives, doping, composite electrodes)',
  OPEN_QUESTION: 'what the review calls unknown, debated or in need of further work',
} as const satisfies Vocabulary;
export type ClaimKind = keyof typeof CLAIM_KINDS;

/**
 * Which facts a filter by a material's name selects, by the variant (dopant, polymorph, form) each fact is about. The
 * facts of a variant are stored apart from the material's (the variant each fact records); a name stands for a
 * variant when every name it matches names that variant (LLZTO: Ta-doped Li7La3Zr2O12; Al-LLZO; c-LLZO).
 */
export const VARIANT_SCOPES = {
  AS_NAMED:
    "what the name stands for, rolling variants up to their material: a variant's name (LLZTO) selects the facts of that " +
    'variant and of the variants that refine it (the same dopants or polymorph with a form more: a spray-deposited LLZTO ' +
    "layer) only; a material's name (LLZO, a formula, an id) the material's facts and every variant's (the default)",
  EXACT: "exactly what the name stands for: a variant's name its variant's facts; a material's name only the facts that name no variant",
  ROLL_UP: "the whole material, whatever the name stands for: LLZTO selects every fact about Li7La3Zr2O12 and its variants",
} as const;
export type VariantScopeKey = keyof typeof VARIANT_SCOPES;

/** True when `value` is a key of `vocabulary` (own keys only). */
export function inVocabulary<V extends Vocabulary>(vocabulary: V, value: string): value is Extract<keyof V, string> {
  return Object.prototype.hasOwnProperty.call(vocabulary, value);
}

/** A source review's key: first author's surname (lower-case ASCII) and year, e.g. 'banerjee2020'. */
export const REVIEW_KEY = /^[a-z]+\d{4}$/;

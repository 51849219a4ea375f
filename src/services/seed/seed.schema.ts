/**
 * The declared schema of the curated seed files (seed/, see seed/README.md). zod checks the shape of
 * every record; seed.read.ts then checks what a shape cannot: that quotes are on the cited lines,
 * that references, materials, values and units resolve.
 */
import { z } from 'zod';
import { CHEMICAL_CLASSES } from '../../domain/chemicalClass.js';
import { STRUCTURAL_FAMILIES } from '../../domain/families.js';
import { PROPERTIES } from '../../domain/units/properties.js';
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
  REVIEW_KEY,
  STABILITY_CLASSES,
  TECHNIQUES,
  WINDOW_METHODS,
} from '../../domain/vocabulary.js';

const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];
const vocab = <T extends Record<string, unknown>>(o: T) => z.enum(keysOf(o));

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ - only');
const text = z.string().trim().min(1, 'must not be empty');
const lineNumber = z.number().int().positive();
const refNumber = z.number().int().positive();

/** A material: a registry id or alias (materials/*.yaml), or a formula in any notation. */
export const MaterialRef = text;

export const VariantSpec = z
  .object({
    label: text.optional(),
    polymorph: text.optional(),
    form: text.optional(),
    dopants: z
      .array(
        z
          .object({
            element: z.string().regex(/^[A-Z][a-z]?$/, 'an element symbol'),
            site: text.optional(),
            amount: z.union([z.number().positive(), text]).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/** A number as printed, with its unit as printed (empty or absent for dimensionless). */
export const PrintedQuantity = z
  .object({
    value: text,
    unit: z.string().optional(),
    /** The unit the printed one must mean, when it is a misprint (e.g. 'Ω/cm²' for area-specific resistance). */
    unitAsMeant: text.optional(),
  })
  .strict();

/** Another place of the review that prints the same statement (a second table, the text beside a table). */
export const Place = z
  .object({
    line: lineNumber.optional(),
    lines: z.array(lineNumber).min(1).optional(),
    ref: z.union([refNumber, z.array(refNumber).min(1)]).optional(),
    /** The words printed at this place; the validator finds them on its own line(s). */
    quote: text,
  })
  .strict()
  .refine((s) => (s.line === undefined) !== (s.lines === undefined), { message: 'give either line or lines' });

export const Source = z
  .object({
    line: lineNumber.optional(),
    lines: z.array(lineNumber).min(1).optional(),
    ref: z.union([refNumber, z.array(refNumber).min(1)]).optional(),
    /** The other places that print the same statement: one fact, every place (never a second record). */
    alsoAt: z.array(Place).min(1).optional(),
    citation: vocab(CITATION_CONFIDENCE).optional(),
    /** The reference that was meant, when the printed one is wrong. */
    correctedRef: refNumber.optional(),
    note: text.optional(),
  })
  .strict()
  .refine((s) => (s.line === undefined) !== (s.lines === undefined), { message: 'give either line or lines' })
  .refine((s) => s.citation !== 'WRONG' || s.correctedRef !== undefined || s.note !== undefined, {
    message: 'a WRONG citation needs correctedRef or a note',
  });

const factBase = {
  id,
  source: Source,
  /** Words of the review at the cited line(s), copied exactly; the validator finds them there. */
  quote: text,
  note: text.optional(),
};

const subject = {
  material: MaterialRef.optional(),
  family: vocab(STRUCTURAL_FAMILIES).optional(),
  variant: VariantSpec.optional(),
};
const oneSubject = (r: { material?: string; family?: string }) => (r.material === undefined) !== (r.family === undefined);
const SUBJECT_MESSAGE = { message: 'give exactly one of material or family' };

export const Conditions = z
  .object({
    temperature: text.optional(),
    method: text.optional(),
    computed: z.boolean().optional(),
    sampleForm: text.optional(),
    basis: text.optional(),
    atmosphere: text.optional(),
    other: text.optional(),
  })
  .strict();

export const MeasurementRecord = z
  .object({
    ...factBase,
    ...subject,
    property: vocab(PROPERTIES),
    /** The property as printed; required for OTHER. */
    propertyText: text.optional(),
    value: text,
    unit: z.string().optional(),
    unitAsMeant: text.optional(),
    contribution: z.enum(['TOTAL', 'BULK', 'GRAIN_BOUNDARY']).optional(),
    conditions: Conditions.optional(),
    /** MAGNITUDE: the review prints the size of a negative (favourable) reaction energy without its sign. */
    printedSign: z.enum(['MAGNITUDE']).optional(),
  })
  .strict()
  .refine(oneSubject, SUBJECT_MESSAGE)
  .refine((r) => r.printedSign === undefined || r.property === 'REACTION_ENERGY', { message: 'printedSign is for REACTION_ENERGY only', path: ['printedSign'] })
  .refine((r) => r.property !== 'OTHER' || r.propertyText !== undefined, { message: 'property OTHER needs propertyText', path: ['propertyText'] });

const WindowLimit = z
  .object({ value: text.optional(), text: text.optional() })
  .strict()
  .refine((l) => l.value !== undefined || l.text !== undefined, { message: 'give value or text' });

export const WindowRecord = z
  .object({
    ...factBase,
    ...subject,
    reduction: WindowLimit.optional(),
    oxidation: WindowLimit.optional(),
    unit: z.string().optional(),
    scale: vocab(REFERENCE_SCALES).optional(),
    method: vocab(WINDOW_METHODS),
    methodText: text.optional(),
  })
  .strict()
  .refine(oneSubject, SUBJECT_MESSAGE)
  .refine((r) => r.reduction !== undefined || r.oxidation !== undefined, { message: 'give reduction, oxidation or both' });

export const Evidence = z.object({ technique: vocab(TECHNIQUES), text: text.optional() }).strict();

export const InterphaseRecord = z
  .object({
    ...factBase,
    electrolyte: MaterialRef.optional(),
    electrolyteFamily: vocab(STRUCTURAL_FAMILIES).optional(),
    electrolyteVariant: VariantSpec.optional(),
    counterpartKind: vocab(COUNTERPART_KINDS).optional(),
    counterpart: MaterialRef.optional(),
    /** The counterpart as printed (e.g. 'Li metal', 'oxidation above 2.3 V', 'humid air'). */
    counterpartText: text.optional(),
    potential: PrintedQuantity.optional(),
    conditions: text.optional(),
    products: z.array(MaterialRef),
    productsText: text.optional(),
    stabilityClass: vocab(STABILITY_CLASSES).optional(),
    interphaseType: vocab(INTERPHASE_TYPES).optional(),
    characterText: text.optional(),
    thickness: PrintedQuantity.optional(),
    evidence: z.array(Evidence),
    computed: z.boolean().optional(),
  })
  .strict()
  .refine((r) => (r.electrolyte === undefined) !== (r.electrolyteFamily === undefined), {
    message: 'give exactly one of electrolyte or electrolyteFamily',
  })
  .refine((r) => (r.counterpartKind ?? 'MATERIAL') !== 'MATERIAL' || r.counterpart !== undefined, {
    message: 'a MATERIAL counterpart needs counterpart',
    path: ['counterpart'],
  })
  .refine((r) => (r.counterpartKind ?? 'MATERIAL') === 'MATERIAL' || r.counterpartText !== undefined, {
    message: 'an APPLIED_POTENTIAL or ENVIRONMENT counterpart needs counterpartText',
    path: ['counterpartText'],
  })
  .refine((r) => r.products.length > 0 || r.productsText !== undefined || r.characterText !== undefined, {
    message: 'name products, or give productsText or characterText',
  });

export const Effect = z
  .object({
    property: vocab(PROPERTIES),
    propertyText: text.optional(),
    before: PrintedQuantity.optional(),
    after: PrintedQuantity.optional(),
    /** A single reported value (no before/after pair). */
    value: PrintedQuantity.optional(),
    text: text.optional(),
  })
  .strict()
  .refine((e) => e.before !== undefined || e.after !== undefined || e.value !== undefined || e.text !== undefined, {
    message: 'give before/after, value or text',
  })
  .refine((e) => e.property !== 'OTHER' || e.propertyText !== undefined, { message: 'property OTHER needs propertyText' });

export const CoatingRecord = z
  .object({
    ...factBase,
    coating: MaterialRef,
    coatingVariant: VariantSpec.optional(),
    role: vocab(COATING_ROLES),
    substrate: MaterialRef.optional(),
    /** What it was applied on, as printed ('NCM particles', 'LLZO pellet surface'). */
    substrateText: text.optional(),
    electrolyte: MaterialRef.optional(),
    method: vocab(DEPOSITION_METHODS),
    methodText: text.optional(),
    thickness: PrintedQuantity.optional(),
    loading: text.optional(),
    effects: z.array(Effect),
    effectText: text,
  })
  .strict();

export const Component = z
  .object({
    role: vocab(COMPONENT_ROLES),
    material: MaterialRef,
    variant: VariantSpec.optional(),
    text: text.optional(),
  })
  .strict();

export const Result = z
  .object({
    property: vocab(PROPERTIES),
    propertyText: text.optional(),
    value: text,
    unit: z.string().optional(),
    unitAsMeant: text.optional(),
    atCycle: z.number().int().positive().optional(),
    text: text.optional(),
  })
  .strict()
  .refine((r) => r.property !== 'OTHER' || r.propertyText !== undefined, { message: 'property OTHER needs propertyText' });

export const CellRecord = z
  .object({
    ...factBase,
    cellType: vocab(CELL_TYPES),
    components: z.array(Component).min(1),
    conditions: z
      .object({
        temperature: text.optional(),
        currentDensity: text.optional(),
        cRate: text.optional(),
        stackPressure: text.optional(),
        arealLoading: text.optional(),
        voltageRange: text.optional(),
        other: text.optional(),
      })
      .strict()
      .optional(),
    results: z.array(Result),
    resultText: text,
    /** Ids of coating records (same review) whose coating this cell tested. */
    coatingApplications: z.array(id).optional(),
  })
  .strict();

/** An interface a claim is about: a solid electrolyte and the material it meets. */
const ClaimInterface = z.object({ electrolyte: MaterialRef, counterpart: MaterialRef }).strict();

/** What a claim is about (none for a statement about solid-state batteries in general). */
export const ClaimSubjects = z
  .object({
    materials: z.array(MaterialRef).optional(),
    /** A material with the variant meant (a doped or polymorphic form). */
    variants: z.array(z.object({ material: MaterialRef, variant: VariantSpec }).strict()).optional(),
    families: z.array(vocab(STRUCTURAL_FAMILIES)).optional(),
    classes: z.array(vocab(CHEMICAL_CLASSES)).optional(),
    interfaces: z.array(ClaimInterface).optional(),
    properties: z.array(vocab(PROPERTIES).refine((p) => p !== 'OTHER', 'OTHER names no property: leave it out')).optional(),
  })
  .strict();

/** A number a claim carries: as printed, of a property of the vocabulary. */
export const ClaimQuantity = z
  .object({
    property: vocab(PROPERTIES),
    propertyText: text.optional(),
    value: text,
    unit: z.string().optional(),
    unitAsMeant: text.optional(),
    text: text.optional(),
  })
  .strict()
  .refine((q) => q.property !== 'OTHER' || q.propertyText !== undefined, { message: 'property OTHER needs propertyText', path: ['propertyText'] });

export const ClaimRecord = z
  .object({
    ...factBase,
    kind: vocab(CLAIM_KINDS),
    /** The claim in one self-contained sentence (the curator's words; the printed words are the quote). */
    statement: text.max(400, 'at most 400 characters'),
    subjects: ClaimSubjects.optional(),
    quantities: z.array(ClaimQuantity).optional(),
    /** Ids of records of the same review that this claim explains or qualifies. */
    explains: z.array(id).optional(),
  })
  .strict();

export const FACT_KINDS = {
  measurements: MeasurementRecord,
  windows: WindowRecord,
  interphases: InterphaseRecord,
  coatings: CoatingRecord,
  cells: CellRecord,
  claims: ClaimRecord,
} as const;
export type FactKind = keyof typeof FACT_KINDS;

export const FactFileHeader = z.object({ review: z.string().regex(REVIEW_KEY), records: z.array(z.unknown()) }).strict();

export const ReviewsFile = z
  .object({
    reviews: z.array(
      z
        .object({
          key: z.string().regex(REVIEW_KEY),
          file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
          doi: text,
          authors: text,
          title: text,
          journal: text,
          volume: text,
          pages: text,
          year: z.number().int().min(1900).max(2100),
        })
        .strict(),
    ),
  })
  .strict();

export const ReferenceEntry = z
  .object({
    n: refNumber,
    line: lineNumber,
    authors: text,
    firstAuthor: text,
    year: z.number().int().min(1800).max(2100).nullable(),
    title: text.nullable(),
    journal: text.nullable(),
    volume: text.nullable(),
    firstPage: text.nullable(),
    doi: text.optional(),
    note: text.optional(),
  })
  .strict();

export const ReferencesFile = z.object({ review: z.string().regex(REVIEW_KEY), references: z.array(z.unknown()) }).strict();

/**
 * Where a curated family, class or representative composition comes from: a line of a review with a
 * quote the reader finds on it (the text wins), a row of OBELiX (its family column; checked by the
 * tests against all.csv), or a publication (a convention, e.g. the usual NCA composition).
 */
export const MaterialEvidence = z.union([
  z.object({ review: z.string().regex(REVIEW_KEY), line: lineNumber, quote: text, note: text.optional() }).strict(),
  z.object({ obelix: z.string().regex(/^[A-Za-z0-9]+$/), note: text.optional() }).strict(),
  z.object({ doi: text, note: text }).strict(),
]);

export const NamedMaterial = z
  .object({
    /** A registry id ('LiPON', 'NCM'): a material without one fixed composition. */
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9+()._-]*$/).optional(),
    /** A composition (any notation): curated name, family or class for it. */
    formula: text.optional(),
    /** Required for a named material; a composition without one is shown by its reduced formula. */
    name: text.optional(),
    family: vocab(STRUCTURAL_FAMILIES).optional(),
    /** A curated chemical class, where the family and the elements do not give it (polymers, hydrates). */
    chemicalClass: vocab(CHEMICAL_CLASSES).optional(),
    /** Where the family or class comes from. */
    familySource: MaterialEvidence.optional(),
    description: text.optional(),
    /** For a named material: the elements it always contains (NCM: Li, Ni, Co, Mn, O), for element filters. */
    elements: z.array(z.string().regex(/^[A-Z][a-z]?$/, 'an element symbol')).optional(),
    /** For a named material: a representative composition the reviews or a convention fix (NCA: LiNi0.8Co0.15Al0.05O2). */
    representativeFormula: text.optional(),
    /** Where the representative composition comes from (required with it). */
    representativeSource: MaterialEvidence.optional(),
    /** For a named material of variable stoichiometry: its general formula as printed, the ranges printed, and the line. */
    generalFormula: z
      .object({
        formula: text,
        ranges: z.array(z.object({ variable: z.string().regex(/^[a-z]$/, 'one lower-case letter'), min: z.number(), max: z.number() }).strict()).optional(),
        source: MaterialEvidence,
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((m) => (m.id === undefined) !== (m.formula === undefined), { message: 'give exactly one of id or formula' })
  .refine((m) => m.id === undefined || m.name !== undefined, { message: 'a named material needs a name' })
  .refine((m) => m.formula === undefined || m.elements === undefined, { message: 'elements are given for named materials only' })
  .refine((m) => m.formula === undefined || m.representativeFormula === undefined, { message: 'a representative formula is given for named materials only' })
  .refine((m) => m.formula === undefined || m.generalFormula === undefined, { message: 'a general formula is given for named materials only' })
  .refine((m) => (m.representativeFormula === undefined) === (m.representativeSource === undefined), {
    message: 'a representative formula needs its representativeSource, and only it',
  })
  .refine((m) => m.familySource === undefined || m.family !== undefined || m.chemicalClass !== undefined, {
    message: 'familySource is the evidence of a family or chemicalClass',
  });

export const Alias = z
  .object({
    alias: text,
    material: MaterialRef,
    variant: VariantSpec.optional(),
    /** Where the alias holds; absent = every review. */
    review: z.string().regex(REVIEW_KEY).optional(),
    /** The line that prints it (of the file's review, or of `source.review` for an alias of every review); the alias, or `quote`, must be on it. */
    source: z.object({ line: lineNumber, review: z.string().regex(REVIEW_KEY).optional(), quote: text.optional() }).strict().optional(),
  })
  .strict();

export const MaterialsFile = z
  .object({
    review: z.string().regex(REVIEW_KEY).optional(),
    materials: z.array(z.unknown()).optional(),
    aliases: z.array(z.unknown()).optional(),
  })
  .strict();

export type MeasurementSeed = z.infer<typeof MeasurementRecord>;
export type WindowSeed = z.infer<typeof WindowRecord>;
export type InterphaseSeed = z.infer<typeof InterphaseRecord>;
export type CoatingSeed = z.infer<typeof CoatingRecord>;
export type CellSeed = z.infer<typeof CellRecord>;
export type ClaimSeed = z.infer<typeof ClaimRecord>;
export type SourceSeed = z.infer<typeof Source>;
export type VariantSeed = z.infer<typeof VariantSpec>;
export type PrintedQuantitySeed = z.infer<typeof PrintedQuantity>;
export type ReviewSeed = z.infer<typeof ReviewsFile>['reviews'][number];
export type ReferenceSeed = z.infer<typeof ReferenceEntry>;
export type NamedMaterialSeed = z.infer<typeof NamedMaterial>;
export type MaterialEvidenceSeed = z.infer<typeof MaterialEvidence>;
export type AliasSeed = z.infer<typeof Alias>;

/**
 * The writes of one seed load: what seed.read.ts produces from the curated files and seed.store.ts
 * writes. Quantities are already in their canonical units.
 */
import type { CELL, CELL_COMPONENT, CELL_CONDITIONS, CELL_RESULT } from '../domain/model/cell.kind.js';
import type { CLAIM, CLAIM_QUANTITY } from '../domain/model/claim.kind.js';
import type { COATING_APPLICATION, COATING_EFFECT } from '../domain/model/coating.kind.js';
import type { INTERFACE } from '../domain/model/interface.kind.js';
import type { EvidenceValue, INTERPHASE_OBSERVATION } from '../domain/model/interphaseObservation.kind.js';
import type { STABILITY_WINDOW, WindowLimitValue } from '../domain/model/stabilityWindow.kind.js';
import type { MATERIAL, MATERIAL_VARIANT } from '../domain/model/material.kind.js';
import type { MEASUREMENT } from '../domain/model/measurement.kind.js';
import type { MATERIAL_NAME } from '../domain/model/materialName.kind.js';
import type { SourceStoredOf, StoredOf } from '../domain/model/property.js';
import type { PUBLICATION } from '../domain/model/publication.kind.js';
import type { StructuralFamily } from '../domain/families.js';
import type { CitationConfidence } from '../domain/vocabulary.js';

export interface ReviewOut {
  key: string;
  file: string;
  doi: string;
  authors: string;
  title: string;
  journal: string;
  volume: string;
  pages: string;
  year: number;
  publicationKey: string;
}

/** A publication a review cites, as its reference-list entry gives it (what only a review has left out), and where reviews cite it. */
export type PublicationOut = Omit<StoredOf<typeof PUBLICATION>, 'reviewKey' | 'textFile' | 'pages' | 'addedBy'> & {
  /** Where reviews cite it: review key, printed number, line of the entry. */
  citedBy: { review: string; n: number; line: number }[];
};

/** The seed's view of a material: its id and its copy of every property it keeps (domain/model/material.kind.ts); aliases come apart (AliasOut). */
export type MaterialOut = Pick<StoredOf<typeof MATERIAL>, 'id'> & Omit<SourceStoredOf<typeof MATERIAL, 'seed'>, 'aliases'>;

/** A variant as written: its stored properties and the material it is a variant of. */
export type VariantOut = StoredOf<typeof MATERIAL_VARIANT> & { materialId: string };

export interface AliasOut {
  alias: string;
  review: string | null;
  /** The line of the review's text that prints it, where the seed records one. */
  line: number | null;
  materialId: string;
  variantId: string | null;
}

/** How a name came about: a registry id, a curated name, an alias of a review, a polymorph's name (domain/model/materialName.kind.ts). */
export type { MaterialNameKind } from '../domain/model/materialName.kind.js';

/** One name of a material under its lookup key (domain/materialNames.ts), written as a MaterialName node (its stored properties: domain/model/materialName.kind.ts), and the material it names. */
export type MaterialNameOut = StoredOf<typeof MATERIAL_NAME> & { materialId: string };

export interface Subject {
  materialId: string | null;
  variantId: string | null;
  family: StructuralFamily | null;
}

/** What every fact carries: where it was read and whom it cites. */
export interface FactOut {
  id: string;
  localId: string;
  review: string;
  seedFile: string;
  textFile: string;
  lines: number[];
  refs: number[];
  publicationKeys: string[];
  citation: CitationConfidence;
  correctedRef: number | null;
  correctedPublicationKey: string | null;
  quote: string;
  /** Every place that prints the fact, the first the record's own `source`, each with its quote. */
  places: { line: number; quote: string }[];
  note: string | null;
}

/**
 * A measurement as written: its provenance (FactOut) and subject (Subject, linked), and its own stored
 * properties (domain/model/measurement.kind.ts; the fact's id and review and the subject's family are given
 * by FactOut and Subject).
 */
export interface MeasurementOut extends FactOut, Subject {
  props: Omit<StoredOf<typeof MEASUREMENT>, 'id' | 'review' | 'family'>;
}

/** A limit as the seed reads it (stored flat on the window's node: stabilityWindow.kind.ts). */
export type WindowLimitOut = WindowLimitValue;

/**
 * A window as written: the provenance every fact carries, its subject (linked), its limits (stored flat under
 * `reduction`/`oxidation`), and the other stored properties of domain/model/stabilityWindow.kind.ts.
 */
export type WindowOut = FactOut &
  Subject &
  Pick<StoredOf<typeof STABILITY_WINDOW>, 'scale' | 'method' | 'methodText'> & {
    reduction: WindowLimitOut | null;
    oxidation: WindowLimitOut | null;
  };

/** An interface as written: its stored properties, and the electrolyte (or family) and counterpart it links. */
export type InterfaceOut = StoredOf<typeof INTERFACE> & {
  electrolyteId: string | null;
  electrolyteFamily: StructuralFamily | null;
  counterpartId: string | null;
};

/**
 * An interphase observation as written: the provenance every fact carries, the stored properties of
 * domain/model/interphaseObservation.kind.ts, and what it links (its interface, the electrolyte's variant,
 * the products with their variants, the evidence).
 */
export type InterphaseOut = FactOut &
  Omit<StoredOf<typeof INTERPHASE_OBSERVATION>, keyof FactOut> & {
    interfaceId: string;
    electrolyteVariantId: string | null;
    productIds: string[];
    /** Variant of each product ('' when none), aligned with productIds. */
    productVariantIds: string[];
    /** The evidence in the source's order: each technique (linked) with what it showed (stored on the EVIDENCE relationship). */
    evidence: EvidenceValue[];
  };

/** A coating effect as written: its stored properties (domain/model/coating.kind.ts). */
export type EffectOut = StoredOf<typeof COATING_EFFECT>;

/** A coating application as written: its provenance, its stored properties, and the materials (and variants) and effects it links. */
export type CoatingOut = FactOut &
  StoredOf<typeof COATING_APPLICATION> & {
    coatingId: string;
    coatingVariantId: string | null;
    substrateId: string | null;
    substrateVariantId: string | null;
    electrolyteId: string | null;
    electrolyteVariantId: string | null;
    effects: EffectOut[];
  };

/** A cell component as written: the properties of its HAS_COMPONENT relationship (its position is its place in the list), and the material it reaches. */
export type ComponentOut = Omit<StoredOf<typeof CELL_COMPONENT>, 'position'> & { materialId: string };

/** A cell result as written: its stored properties (domain/model/cell.kind.ts), a value's fields among them. */
export type ResultOut = StoredOf<typeof CELL_RESULT>;

/** A cell as written: its provenance, its stored properties and conditions, and the components, results and coating applications it links. */
export type CellOut = FactOut &
  StoredOf<typeof CELL> & {
    conditions: StoredOf<typeof CELL_CONDITIONS>;
    components: ComponentOut[];
    results: ResultOut[];
    coatingApplicationIds: string[];
  };

/** A claim quantity as written: its stored properties (domain/model/claim.kind.ts). */
export type ClaimQuantityOut = StoredOf<typeof CLAIM_QUANTITY>;

/**
 * A claim as written: its provenance, its stored properties (domain/model/claim.kind.ts), and what it links: the
 * materials it is about (with the variant meant), the interfaces, its quantities, and the facts it explains (full ids).
 */
export type ClaimOut = FactOut &
  StoredOf<typeof CLAIM> & {
    materials: { materialId: string; variantId: string | null }[];
    interfaceIds: string[];
    quantities: ClaimQuantityOut[];
    explainsIds: string[];
  };

export interface SeedBundle {
  reviews: ReviewOut[];
  publications: PublicationOut[];
  materials: MaterialOut[];
  variants: VariantOut[];
  aliases: AliasOut[];
  /** Every name of every material, for case-insensitive lookup and search (seed.names.ts). */
  names: MaterialNameOut[];
  interfaces: InterfaceOut[];
  measurements: MeasurementOut[];
  windows: WindowOut[];
  interphases: InterphaseOut[];
  coatings: CoatingOut[];
  cells: CellOut[];
  claims: ClaimOut[];
  /** True when quotes were checked against the review texts. */
  quotesChecked: boolean;
}


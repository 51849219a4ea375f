/**
 * The plain objects the graph layer returns, shaped like the GraphQL types they feed. Units are the
 * canonical ones named in each field's comment.
 */
import type { CELL, CELL_COMPONENT, CELL_CONDITIONS, CELL_RESULT } from '../domain/model/cell.kind.js';
import type { CITATION } from '../domain/model/citation.kind.js';
import type { COATING_APPLICATION, COATING_EFFECT } from '../domain/model/coating.kind.js';
import type { FACT, SOURCE } from '../domain/model/fact.kind.js';
import type { INTERFACE } from '../domain/model/interface.kind.js';
import type { EVIDENCE, INTERPHASE_OBSERVATION } from '../domain/model/interphaseObservation.kind.js';
import type { STABILITY_WINDOW, WINDOW_LIMIT } from '../domain/model/stabilityWindow.kind.js';
import type { MEASUREMENT, REPORTED_STRUCTURE } from '../domain/model/measurement.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import type { CanonicalQuantity } from '../domain/values/quantity.js';
import type { ChemicalClass } from '../domain/chemicalClass.js';
import type { StructuralFamily } from '../domain/families.js';

export interface ElementAmountRecord {
  element: string;
  amount: number;
}

export interface MaterialRecord {
  /** Composition key, e.g. "Ge1Li10P2S12". */
  id: string;
  name: string;
  /** Formula as curated or first reported; null for named materials. */
  formula: string | null;
  /** Every notation this composition was reported under. */
  reportedFormulas: string[];
  reducedFormula: string | null;
  /** Parsed composition of `formula`, amounts per formula unit as written. */
  composition: ElementAmountRecord[];
  elements: string[];
  chemicalSystem: string | null;
  /** The family most records give (ties: the first in source order). */
  family: StructuralFamily | null;
  /** Every family the sources give; they may disagree (e.g. thio-LISICON vs LGPS). */
  families: StructuralFamily[];
  familyLabels: string[];
  /** COMPOSITION (id is the composition key) or NAMED (no single composition, e.g. LiPON, NCM). */
  kind: 'COMPOSITION' | 'NAMED';
  description: string | null;
  chemicalClass: ChemicalClass | null;
  aliases: AliasRecord[];
}

/** Crystal structure of the measured phase, stored flat on the measurement: domain/model/measurement.kind.ts. */
export type ReportedStructureRecord = RecordOf<typeof REPORTED_STRUCTURE>;

/** Where a fact was read and whom it cites (two-level provenance): domain/model/fact.kind.ts. */
export type SourceRecord = RecordOf<typeof SOURCE>;

/** A value in the canonical unit of its property, with its qualifier and the printed text (the property is the record's). */
export type QuantityRecord = Omit<CanonicalQuantity, 'property'>;

/** What every fact has: domain/model/fact.kind.ts. */
export type FactRecord = RecordOf<typeof FACT>;

/** A measured value of a material (or a family): domain/model/measurement.kind.ts. */
export type MeasurementRecord = RecordOf<typeof MEASUREMENT>;

/** One limit of a stability window: domain/model/stabilityWindow.kind.ts. */
export type WindowLimitRecord = RecordOf<typeof WINDOW_LIMIT>;

/** A reported stability window: domain/model/stabilityWindow.kind.ts. */
export type StabilityWindowRecord = RecordOf<typeof STABILITY_WINDOW>;

export type InterfaceRecord = RecordOf<typeof INTERFACE>;

/** A technique an observation's evidence names, and what it showed: domain/model/interphaseObservation.kind.ts. */
export type EvidenceRecord = RecordOf<typeof EVIDENCE>;

/** An interphase observation: domain/model/interphaseObservation.kind.ts. */
export type InterphaseObservationRecord = RecordOf<typeof INTERPHASE_OBSERVATION>;

/** A coating application and its effects: domain/model/coating.kind.ts. */
export type CoatingEffectRecord = RecordOf<typeof COATING_EFFECT>;
export type CoatingApplicationRecord = RecordOf<typeof COATING_APPLICATION>;

/** A cell, its conditions, components and results: domain/model/cell.kind.ts. */
export type CellConditionsRecord = RecordOf<typeof CELL_CONDITIONS>;
export type CellComponentRecord = RecordOf<typeof CELL_COMPONENT>;
export type CellResultRecord = RecordOf<typeof CELL_RESULT>;
export type CellRecord = RecordOf<typeof CELL>;

export interface DopantRecord {
  element: string;
  site: string | null;
  amount: string | null;
}

export interface VariantRecord {
  id: string;
  materialId: string;
  labels: string[];
  polymorph: string | null;
  form: string | null;
  dopants: DopantRecord[];
}

export interface AliasRecord {
  alias: string;
  /** Review key where the alias holds; null = every review. */
  review: string | null;
  variantId: string | null;
}

export interface PublicationRecord {
  /** 'doi:<doi>' when the DOI is known, else 'pub:<first author>-<year>-<volume>-<first page>'. */
  key: string;
  doi: string | null;
  url: string | null;
  authors: string | null;
  firstAuthor: string | null;
  year: number | null;
  title: string | null;
  journal: string | null;
  volume: string | null;
  firstPage: string | null;
  isReview: boolean;
  reviewKey: string | null;
  textFile: string | null;
}

/** A review citing a publication under a number of its reference list: domain/model/citation.kind.ts. */
export type CitationRecord = RecordOf<typeof CITATION>;

export interface DatasetRecord {
  id: string;
  name: string;
  version: string;
  license: string;
  licenseUrl: string;
  url: string;
  citation: string;
  doi: string | null;
  file: string;
  /** Records of the dataset in the graph (OBELiX: rows of all.csv). */
  recordCount: number;
  /** Measurements in the graph that came through this dataset (a row may give a total and a bulk value). */
  measurementCount: number;
  /** Phase entries (one per reduced composition) of a formation-energy dataset; 0 for others. */
  phaseEntryCount: number;
}

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
import type { DOPANT, ELEMENT_AMOUNT, MATERIAL, MATERIAL_ALIAS, MATERIAL_VARIANT } from '../domain/model/material.kind.js';
import type { DATASET, PUBLICATION } from '../domain/model/publication.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import type { CanonicalQuantity } from '../domain/values/quantity.js';
import type { StructuralFamily } from '../domain/families.js';
import type { PropertyKind } from '../domain/units/properties.js';

/** One element of a composition: domain/model/material.kind.ts. */
export type ElementAmountRecord = RecordOf<typeof ELEMENT_AMOUNT>;

/** A material's public properties (never the sources' copies): domain/model/material.kind.ts. */
export type MaterialRecord = RecordOf<typeof MATERIAL>;

export type ConductivityContribution = 'TOTAL' | 'BULK' | 'GRAIN_BOUNDARY' | 'UNSPECIFIED';

export interface ReportedStructureRecord {
  spaceGroupSymbol: string | null;
  spaceGroupNumber: number | null;
  /** Lattice parameters in Å and degrees. */
  a: number | null;
  b: number | null;
  c: number | null;
  alpha: number | null;
  beta: number | null;
  gamma: number | null;
  icsdId: string | null;
}

/** Where a fact was read and whom it cites (two-level provenance): domain/model/fact.kind.ts. */
export type SourceRecord = RecordOf<typeof SOURCE>;

/** A value in the canonical unit of its property, with its qualifier and the printed text (the property is the record's). */
export type QuantityRecord = Omit<CanonicalQuantity, 'property'>;

/** What every fact has: domain/model/fact.kind.ts. */
export type FactRecord = RecordOf<typeof FACT>;

export interface MeasurementRecord extends FactRecord, QuantityRecord {
  /** The material measured; null for a family-level statement. */
  materialId: string | null;
  family: StructuralFamily | null;
  property: PropertyKind;
  propertyText: string | null;
  contribution: ConductivityContribution | null;
  temperatureK: number | null;
  temperatureText: string | null;
  method: string | null;
  computed: boolean | null;
  sampleForm: string | null;
  basis: string | null;
  atmosphere: string | null;
  conditionsOther: string | null;
  reportedFormula: string | null;
  reportedSiteComposition: string | null;
  structure: ReportedStructureRecord | null;
}

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

export type DopantRecord = RecordOf<typeof DOPANT>;

export type VariantRecord = RecordOf<typeof MATERIAL_VARIANT>;

export type AliasRecord = RecordOf<typeof MATERIAL_ALIAS>;

/** A publication (isReview: it has the label Review): domain/model/publication.kind.ts. */
export type PublicationRecord = RecordOf<typeof PUBLICATION>;

/** A review citing a publication under a number of its reference list: domain/model/citation.kind.ts. */
export type CitationRecord = RecordOf<typeof CITATION>;

/** A dataset with its counts in the graph: domain/model/publication.kind.ts. */
export type DatasetRecord = RecordOf<typeof DATASET>;

/**
 * The plain objects the graph layer returns, shaped like the GraphQL types they feed. Units are the
 * canonical ones named in each field's comment.
 */
import type { CLAIM, CLAIM_QUANTITY } from '../domain/model/claim.kind.js';
import type { CELL, CELL_COMPONENT, CELL_CONDITIONS, CELL_RESULT } from '../domain/model/cell.kind.js';
import type { CITATION } from '../domain/model/citation.kind.js';
import type { COATING_APPLICATION, COATING_EFFECT } from '../domain/model/coating.kind.js';
import type { FACT, SOURCE } from '../domain/model/fact.kind.js';
import type { INTERFACE } from '../domain/model/interface.kind.js';
import type { EVIDENCE, INTERPHASE_OBSERVATION } from '../domain/model/interphaseObservation.kind.js';
import type { STABILITY_WINDOW, WINDOW_LIMIT } from '../domain/model/stabilityWindow.kind.js';
import type { DOPANT, ELEMENT_AMOUNT, MATERIAL, MATERIAL_ALIAS, MATERIAL_VARIANT } from '../domain/model/material.kind.js';
import type { MEASUREMENT, REPORTED_STRUCTURE } from '../domain/model/measurement.kind.js';
import type { DATASET, PUBLICATION } from '../domain/model/publication.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import type { CanonicalQuantity } from '../domain/values/quantity.js';

/** One element of a composition: domain/model/material.kind.ts. */
export type ElementAmountRecord = RecordOf<typeof ELEMENT_AMOUNT>;

/** A material's public properties (never the sources' copies): domain/model/material.kind.ts. */
export type MaterialRecord = RecordOf<typeof MATERIAL>;

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

/** A claim and its quantities: domain/model/claim.kind.ts. */
export type ClaimQuantityRecord = RecordOf<typeof CLAIM_QUANTITY>;
export type ClaimRecord = RecordOf<typeof CLAIM>;

export type DopantRecord = RecordOf<typeof DOPANT>;

export type VariantRecord = RecordOf<typeof MATERIAL_VARIANT>;

export type AliasRecord = RecordOf<typeof MATERIAL_ALIAS>;

/** A publication (isReview: it has the label Review): domain/model/publication.kind.ts. */
export type PublicationRecord = RecordOf<typeof PUBLICATION>;

/** A review citing a publication under a number of its reference list: domain/model/citation.kind.ts. */
export type CitationRecord = RecordOf<typeof CITATION>;

/** A dataset with its counts in the graph: domain/model/publication.kind.ts. */
export type DatasetRecord = RecordOf<typeof DATASET>;

/**
 * The plain objects the graph layer returns, shaped like the GraphQL types they feed. Units are the
 * canonical ones named in each field's comment.
 */
import type { StructuralFamily } from '../domain/families.js';
import type { Qualifier } from '../domain/values/printedValue.js';
import type { PropertyKind } from '../domain/units/properties.js';

export interface ElementAmountRecord {
  element: string;
  amount: number;
}

export interface MaterialRecord {
  /** Composition key, e.g. "Ge1Li10P2S12". */
  id: string;
  name: string;
  /** Formula as first reported. */
  formula: string;
  /** Every notation this composition was reported under. */
  reportedFormulas: string[];
  reducedFormula: string;
  /** Parsed composition of `formula`, amounts per formula unit as written. */
  composition: ElementAmountRecord[];
  elements: string[];
  chemicalSystem: string;
  /** The family most records give (ties: the first in source order). */
  family: StructuralFamily | null;
  /** Every family the sources give; they may disagree (e.g. thio-LISICON vs LGPS). */
  families: StructuralFamily[];
  familyLabels: string[];
}

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

export interface SourceRecord {
  /** File the fact was read from (a dataset file such as "all.csv", or a review text). */
  file: string;
  /** 1-based line of that file. */
  line: number | null;
  /** The record's id in its dataset (OBELiX's three-character ID). */
  recordId: string | null;
  datasetId: string | null;
}

export interface MeasurementRecord {
  id: string;
  materialId: string;
  property: PropertyKind;
  contribution: ConductivityContribution;
  qualifier: Qualifier;
  /** In `unit` (canonical): S/cm for ionic conductivity. */
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  printedValue: string;
  printedUnit: string | null;
  temperatureK: number | null;
  temperatureText: string | null;
  reportedFormula: string;
  reportedSiteComposition: string | null;
  structure: ReportedStructureRecord | null;
  /** DOIs of the publications the source credits for the value, in the order it gives them. */
  publicationDois: string[];
  source: SourceRecord;
}

export interface PublicationRecord {
  doi: string;
  url: string;
}

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
}

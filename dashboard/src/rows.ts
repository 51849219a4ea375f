/** The shapes of the API's answers that several views read (each view's GraphQL document selects these fields). */

/** Where we read a fact (`Source`): the review and its lines, or the dataset record. */
export interface SourceRow {
  kind: string;
  lines: number[];
  quote: string | null;
  recordId: string | null;
  review: { key: string; reviewKey: string | null } | null;
  dataset: { name: string } | null;
}

/** The original publication of a fact. */
export interface PublicationRow {
  doi: string | null;
  title: string | null;
  year: number | null;
  firstAuthor: string | null;
}

/** The GraphQL selection of both levels of provenance, as SourceRow and PublicationRow read them. */
export const PROVENANCE = 'source { kind lines quote recordId review { key reviewKey } dataset { name } } publication { doi title year firstAuthor }';

/** A reported ionic conductivity as the conductivity map and the Arrhenius plot read it. */
export interface MeasurementRow {
  id: string;
  value: number | null;
  printedValue: string;
  printedUnit: string | null;
  qualifier: string;
  temperatureK: number | null;
  temperatureText: string | null;
  sampleForm: string | null;
  contribution: string | null;
  material: { id: string } | null;
  source: SourceRow;
  publication: PublicationRow | null;
}

/** The GraphQL selection of a MeasurementRow. */
export const MEASUREMENT_ROW = `id value printedValue printedUnit qualifier temperatureK temperatureText sampleForm contribution material { id } ${PROVENANCE}`;

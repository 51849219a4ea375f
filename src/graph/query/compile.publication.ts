/**
 * The relationship fields of a publication to the facts it reported or that it states as a review
 * (`Publication.measurements(role:)`, `reportedStabilityWindows`, `interphaseObservations`,
 * `coatingApplications`, `cells`), registered with one line each in the tables of compile.ts. ORIGINAL:
 * the fact credits the publication (REPORTED_BY, or CORRECTED_REFERENCE when the printed reference was
 * wrong); REVIEW: the review asserts the fact (ASSERTED_IN).
 */
import type { NodeKind } from './plan.js';

const FACT_LABELS = {
  Measurements: 'Measurement',
  Windows: 'StabilityWindow',
  Observations: 'InterphaseObservation',
  Coatings: 'CoatingApplication',
  Cells: 'Cell',
} as const satisfies Record<string, NodeKind>;

type FactPlural = keyof typeof FACT_LABELS;

/** `reported<Facts>` (ORIGINAL) and `reviewed<Facts>` (REVIEW) for each fact kind. */
export type PublicationRelation = `reported${FactPlural}` | `reviewed${FactPlural}`;

const REPORTED = 'REPORTED_BY|CORRECTED_REFERENCE';
const ASSERTED = 'ASSERTED_IN';

function tables() {
  const pattern = {} as Record<PublicationRelation, (from: string, to: string) => string>;
  const target = {} as Record<PublicationRelation, NodeKind>;
  for (const [plural, label] of Object.entries(FACT_LABELS) as [FactPlural, NodeKind][]) {
    pattern[`reported${plural}`] = (from, to) => `(${to}:${label})-[:${REPORTED}]->(${from})`;
    pattern[`reviewed${plural}`] = (from, to) => `(${to}:${label})-[:${ASSERTED}]->(${from})`;
    target[`reported${plural}`] = label;
    target[`reviewed${plural}`] = label;
  }
  return { pattern, target };
}

const { pattern, target } = tables();
export const PUBLICATION_RELATION_PATTERN: Readonly<Record<PublicationRelation, (from: string, to: string) => string>> = pattern;
export const PUBLICATION_RELATION_TARGET: Readonly<Record<PublicationRelation, NodeKind>> = target;

/** `Publication.<field>(role:)` → the relationship it follows. */
export const PUBLICATION_FACT_FIELDS: Readonly<Record<string, FactPlural>> = {
  measurements: 'Measurements',
  reportedStabilityWindows: 'Windows',
  interphaseObservations: 'Observations',
  coatingApplications: 'Coatings',
  cells: 'Cells',
};

/** The relationship of a publication's fact field with its `role` argument (default ORIGINAL). */
export function publicationRelation(field: string, role: unknown): PublicationRelation | null {
  const plural = PUBLICATION_FACT_FIELDS[field];
  if (!plural) return null;
  return role === 'REVIEW' ? `reviewed${plural}` : `reported${plural}`;
}

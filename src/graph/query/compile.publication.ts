/**
 * The relationship fields of a publication to the facts it reported or that it states as a review
 * (`Publication.measurements(role:)`, `reportedStabilityWindows`, `interphaseObservations`,
 * `coatingApplications`, `cells`), registered with one line each in the tables of compile.ts. ORIGINAL:
 * the fact credits the publication (REPORTED_BY, or CORRECTED_REFERENCE when the printed reference was
 * wrong); REVIEW: the review asserts the fact (ASSERTED_IN).
 */
import { CITATION } from '../../domain/model/citation.kind.js';
import { propertyOf, relationshipOf } from '../nodeKinds.js';
import type { NodeKind } from './plan.js';
import type { InOrder } from './projection.quantity.js';
import type { FactPlural, PublicationRelation } from './plan.publication.js';

export type { PublicationRelation };

const FACT_LABELS = {
  Measurements: 'Measurement',
  Windows: 'StabilityWindow',
  Observations: 'InterphaseObservation',
  Coatings: 'CoatingApplication',
  Cells: 'Cell',
} as const satisfies Record<FactPlural, NodeKind>;

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
pattern.citedBy = (from, to) => `(${to}:Review)-[:CITES]->(${from})`;
pattern.references = (from, to) => `(${from})-[:CITES]->(${to}:Publication)`;
target.citedBy = 'Publication';
target.references = 'Publication';
export const PUBLICATION_RELATION_PATTERN: Readonly<Record<PublicationRelation, (from: string, to: string) => string>> = pattern;
export const PUBLICATION_RELATION_TARGET: Readonly<Record<PublicationRelation, NodeKind>> = target;

/** A citation's number in the review's reference list, on its CITES relationship (domain/model/citation.kind.ts). */
const number = propertyOf(CITATION, 'number');

/**
 * Citations are read through their CITES relationship (bound as `rel`: a citation's number and line are its
 * properties), the citing reviews by year, key and number, a review's references by number.
 */
export const PUBLICATION_BY_POSITION: Partial<Record<PublicationRelation, InOrder>> = {
  citedBy: { pattern: (from, to, rel) => `(${to}:Review)-[${relationshipOf(CITATION, rel)}]->(${from})`, order: (to, rel) => `${to}.year, ${to}.key, ${number(rel)}` },
  references: { pattern: (from, to, rel) => `(${from})-[${relationshipOf(CITATION, rel)}]->(${to}:Publication)`, order: (_to, rel) => number(rel) },
};

/** `Citation.review` / `Citation.publication` under `Publication.citedBy` and `.references`: the far node ('self') or the parent. */
export const CITATION_SIDE: Readonly<Record<'citedBy' | 'references', Record<'review' | 'publication', 'self' | 'parent'>>> = {
  citedBy: { review: 'self', publication: 'parent' },
  references: { review: 'parent', publication: 'self' },
};

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

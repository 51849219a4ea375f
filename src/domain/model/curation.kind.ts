/**
 * Facts added and changed through the API, declared once (see property.ts): what a fact's node keeps about its
 * current version (`FactCuration`, stored on the fact's own node, no GraphQL type), and a former version
 * (`FactVersion`: a node of its own, VERSION_OF the fact, read by `factHistory`).
 *
 * A fact is never overwritten: a correction keeps the fact's id, gives it the new values and the next
 * `version`, and keeps the state it replaces as a FactVersion. A retraction keeps the record, with its reason,
 * under labels no list reads (`RetractedFact`, `RetractedMeasurement`...); a proposal waits under
 * `ProposedFact`/`ProposedMeasurement`... until a curator accepts it (FACT_STATUS_LABELS).
 */
import { id, int, nodeKind, oneOf, text } from './property.js';

/** Where a fact stands: read by every list (CURRENT), waiting for a curator (PROPOSED), withdrawn (RETRACTED), refused (REJECTED). */
export const FACT_STATUSES = ['CURRENT', 'PROPOSED', 'RETRACTED', 'REJECTED'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/** The labels a fact of kind `label` ('Measurement') carries in each status: only CURRENT facts carry `Fact` and their kind's label. */
export function factStatusLabels(label: string, status: FactStatus): [string, string] {
  if (status === 'CURRENT') return [label, 'Fact'];
  const prefix = status === 'PROPOSED' ? 'Proposed' : status === 'RETRACTED' ? 'Retracted' : 'Rejected';
  return [`${prefix}${label}`, `${prefix}Fact`];
}

/** What a fact's node keeps about its current version (every property hidden; read by `factHistory`). */
export const FACT_CURATION = nodeKind(
  'FactCuration',
  "The current version of a fact: its number, when and by which API key it was made, what made it and why.",
  {
    version: int('The version number: 1 for a fact as added (or as read from a review or dataset), +1 for each change.').optional().hidden(),
    changedAt: text('When this version was made (ISO 8601, UTC); null for facts of the seed and the datasets.').optional().hidden(),
    changedBy: text('The id of the API key that made this version (never the secret).').optional().hidden(),
    changeAction: text('What made this version: ADD, PROPOSE, ACCEPT, REJECT, CORRECT, RETRACT, REVERT.').optional().hidden(),
    changeReason: text('Why (a correction, retraction or rejection gives its reason).').optional().hidden(),
  },
  { graphql: false },
);

export const FACT_VERSION = nodeKind(
  'FactVersion',
  'One version of a fact: what the fact said (its stored properties, as JSON) and where it stood, when, by which API ' +
    'key, and why. The newest is the current version.',
  {
    factId: id('The fact (its id does not change between versions).'),
    version: int('The version number (1 for the fact as added).'),
    kind: text("The fact's kind: 'Measurement', 'StabilityWindow', ..."),
    status: oneOf<FactStatus>('FactStatus', FACT_STATUSES, 'Where the fact stood in this version.'),
    action: text('What made this version: ADD, PROPOSE, ACCEPT, REJECT, CORRECT, RETRACT, REVERT (null for a fact of the seed or a dataset).').optional(),
    at: text('When this version was made (ISO 8601, UTC); null for a fact of the seed or a dataset.').optional(),
    keyId: text('The id of the API key that made it (null for a fact of the seed or a dataset).').optional(),
    reason: text('Why: the reason of a correction, retraction or rejection.').optional(),
    props: text("The fact's stored properties in this version, as a JSON object (values in the canonical units of `unit`)."),
    parts: text(
      "For a coating application or a cell: its effects or results in this version, in order, as a JSON array of their stored properties; null for other kinds.",
    ).optional(),
  },
);

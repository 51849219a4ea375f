/**
 * What every fact carries, declared once: its id, the review it belongs to, and where it was read (the
 * `Source` type: two-level provenance). A fact's source is stored on the fact's own node (`sourceFile`,
 * `lines`, `refs`, `citation`, `quote`...); the review, the corrected reference and the dataset record are
 * relationships the graph layer follows.
 */
import type { CitationConfidence } from '../vocabulary.js';
import { CITATION_CONFIDENCE } from '../vocabulary.js';
import { id, int, listOf, nodeKind, object, oneOf, relationshipKind, text, type RecordOf } from './property.js';

/** Where facts come from: a source review, an external dataset, or a contributor through the API (`CURATED`). */
export const SOURCE_KINDS = ['DATASET', 'REVIEW', 'CURATED'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One place of a review that prints a fact: a value printed in a table and again in the text is one fact with two places. */
export const SOURCE_PLACE = nodeKind('SourcePlace', 'One place of the review text that prints the fact, with its own quote.', {
  line: int('The (first) line of the review text at this place.'),
  quote: text('The words printed at this place, exactly as in the text.'),
});

export const SOURCE = nodeKind(
  'Source',
  'Where a fact was read (two-level provenance): for a review statement the review, the file and line of its text, ' +
    "the reference number it prints and an exact quote; for a dataset record the dataset, file, line and record id; for a fact " +
    "added through the API (CURATED) the key that added it and the quote and note it gave. " +
    "The original paper is the fact's `publication`.",
  {
    kind: oneOf('SourceKind', SOURCE_KINDS, 'A review statement, a dataset record, or a fact a contributor added through the API.').storedAs('sourceKind').orElse('DATASET'),
    file: text(
      "File the fact was read from: a review text ('003_9ddcaf3869a721a2.txt') or a dataset file ('all.csv'); for a fact added through " +
        "the API, 'api:' and the id of the key that added it.",
    ).storedAs('sourceFile'),
    lines: int('1-based lines of that file the fact was read from.').many(),
    referenceNumbers: int('Every reference number the review prints for the statement (empty when it cites none).').many().storedAs('refs'),
    citationConfidence: oneOf<CitationConfidence>(
      'CitationConfidence',
      CITATION_CONFIDENCE,
      'How far the printed reference can be trusted (about one citation in twenty in the reviews is off).',
    )
      .storedAs('citation')
      .orElse('CONFIDENT'),
    correctedReferenceNumber: int('The reference number that was meant, when the printed one is wrong.').optional().storedAs('correctedRef'),
    quote: text('The words of the review the fact was read from, exactly as in its text (at its first place; `places` has the quote of each).').optional(),
    places: listOf(
      SOURCE_PLACE,
      'Every place of the review that prints the fact (two tables, a table and the text), each with its own quote; ' +
        '`lines` and `referenceNumbers` are their union. Empty for dataset records.',
      { line: 'placeLines', quote: 'placeQuotes' },
    ),
    note: text('Curator note: doubts, misprints, contradictions.').optional(),
    seedFile: text('The curated record file the fact was written down in (seed/…).').optional(),
    recordId: text("The record's id in its dataset (OBELiX's three-character ID).").optional().derived(),
    reviewPublicationKey: text('The review that asserts the fact (read by `review`).').optional().derived().hidden(),
    correctedPublicationKey: text('The publication meant by a corrected reference (read by `correctedReference`).').optional().derived().hidden(),
    datasetId: text('The dataset the record came from (read by `dataset`).').optional().derived().hidden(),
  },
);

export type SourceValue = RecordOf<typeof SOURCE>;

/** A fact's REPORTED_BY relationship to a publication it credits: the publication's place in the source's list (`publicationKeys`). */
export const REPORTED_BY = relationshipKind('REPORTED_BY', 'A publication a fact credits, in the source\'s order.', {
  position: int("The publication's place in the fact's list of publications.").hidden(),
});

/** A dataset record's FROM_DATASET relationship to its dataset: which record of it, and where (a source's `recordId`). */
export const FROM_DATASET = relationshipKind('FROM_DATASET', 'The dataset record a fact was read from.', {
  recordId: text("The record's id in its dataset (OBELiX's three-character ID).").hidden(),
  line: int("The record's line in the dataset's file.").hidden(),
});

/** The properties every fact kind starts with (spread into its declaration). */
export const FACT_PROPERTIES = {
  id: id("Stable id: '<review key>:<record id>' (e.g. 'banerjee2020:W1') or '<dataset>:<record>' (e.g. 'obelix:jqc').").filterable(),
  review: text('Key of the review that asserts the fact (null for dataset records).').optional().filterable().hidden(),
  source: object<SourceValue>('Source', 'Where this fact was read (review, file, line, reference number, quote; or dataset record).'),
  publicationKeys: text('Publications the source credits, in its order (read by `publication` and `publications`).').many().derived().hidden(),
  variantId: text('The variant (polymorph, dopant, form) the fact is about, where the source distinguishes it.').optional().derived().hidden(),
};

export const FACT = nodeKind(
  'Fact',
  'A fact read from a review or a dataset: a measurement, a stability window, an interphase observation, a coating ' +
    'application or a cell. Every fact has its provenance in `source` and the original papers in `publications`.',
  FACT_PROPERTIES,
);

/**
 * A source review citing a publication: the `Citation` type, declared once (see property.ts). Its
 * properties are stored on the CITES relationship from the review to the publication; the review and the
 * publication are the relationship's ends.
 */
import { int, nodeKind, text } from './property.js';

export const CITATION = nodeKind(
  'Citation',
  'A review citing a publication: the number in its reference list and the line of that entry.',
  {
    number: int('Reference number in the review.'),
    line: int("Line of the entry in the review's text file.").optional(),
    reviewPublicationKey: text('The citing review (read by `review`).').derived().hidden(),
    citedPublicationKey: text('The cited publication (read by `publication`).').derived().hidden(),
  },
  { relationship: 'CITES' },
);

/**
 * The relationships of a publication the compiler follows (patterns in compile.publication.ts): to the
 * facts it reported or states as a review, and its citations.
 */

/** The fact kinds a publication's fact fields reach, by the plural their relation names use. */
export type FactPlural = 'Measurements' | 'Windows' | 'Observations' | 'Coatings' | 'Cells';

/** `reported<Facts>` (ORIGINAL) and `reviewed<Facts>` (REVIEW) for each fact kind; the citations of a publication and a review's references. */
export type PublicationRelation = `reported${FactPlural}` | `reviewed${FactPlural}` | 'citedBy' | 'references';

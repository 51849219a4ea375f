/**
 * Publications and datasets, declared once (see property.ts): the node kinds `Publication` (a source
 * review carries the label `Review` besides) and `Dataset`.
 */
import { count, flag, id, int, nodeKind, text } from './property.js';

export const PUBLICATION = nodeKind(
  'Publication',
  'A published paper: one of the five source reviews, a paper a review cites (identified by first author, year, ' +
    'volume and first page, as the reference lists give no DOIs; the same paper cited by two reviews is one ' +
    'publication), or a paper a dataset names by DOI.',
  {
    key: id("Stable id: 'doi:<doi>' when the DOI is known, else 'pub:<first author>-<year>-<volume>-<first page>'.").filterable(),
    doi: text("The DOI, lower-cased, without resolver prefix, e.g. '10.1038/nmat3066'; null when unknown.").optional().filterable(),
    url: text('The DOI resolver URL (https://doi.org/...).').optional(),
    authors: text('Authors as printed in the reference list.').optional(),
    firstAuthor: text('Surname of the first author.').optional(),
    year: int('Year of publication.').optional().filterable(),
    title: text('Title as printed.').optional().filterable(),
    journal: text('Journal (abbreviation as printed).').optional(),
    volume: text('Volume.').optional(),
    firstPage: text('First page or article number.').optional(),
    isReview: flag('True for the five source reviews.').derived(),
    reviewKey: text("For a source review: its key, e.g. 'banerjee2020'.").optional().filterable(),
    textFile: text('For a source review: the file of its text under ../shared/seeds.').optional(),
    pages: text("For a source review: its pages as printed, e.g. '1278–1291' or an article number ('032008').").optional().hidden(),
    addedBy: text(
      'The id of the API key that added the publication (addPublication, or with a fact); null for those of the reviews and datasets. ' +
        'Such a publication stays while no fact credits it.',
    )
      .optional()
      .hidden(),
  },
);

export const DATASET = nodeKind('Dataset', 'An external dataset that facts were imported from, with its licence and how to cite it.', {
  id: id("Short id, e.g. 'obelix'.").filterable(),
  name: text("Name of the dataset, e.g. 'OBELiX'."),
  version: text("Version of the imported file: 'sha256:' + the first 16 hex digits of its SHA-256."),
  license: text("Licence of the data, e.g. 'CC BY 4.0'. Attribution must stay with every record."),
  licenseUrl: text('The text of the licence.'),
  url: text('Where the dataset is published.'),
  citation: text('How to cite the dataset.'),
  doi: text("DOI of the dataset's paper.").optional(),
  file: text('Name of the imported file.'),
  recordCount: count('Records of the dataset in the graph (OBELiX: rows of all.csv; a formation-energy table: its rows).').derived(),
  measurementCount: count(
    'Measurements that came through this dataset: a record can give more than one (OBELiX: a total and a bulk conductivity).',
  ).derived(),
  phaseEntryCount: count(
    'Phase entries of a formation-energy dataset in the graph: one per reduced composition (its lowest polymorph); 0 for other datasets.',
  ).orElse(0),
  rowCount: count('Rows of the imported file, where the import counts them (a formation-energy table); else the records in the graph are counted.').optional().hidden(),
  phaseRun: text('The import run whose phase entries are the active phase data (a formation-energy dataset).').optional().hidden(),
});

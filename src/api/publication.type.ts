import { CITATION } from '../domain/model/citation.kind.js';
import type { RecordOf } from '../domain/model/property.js';
import { fieldsOf } from './nodeKinds.js';
import { NonNegativeIntResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A published paper: one of the five source reviews, a paper a review cites (identified by first author, year, ' +
    'volume and first page, as the reference lists give no DOIs; the same paper cited by two reviews is one ' +
    'publication), or a paper a dataset names by DOI.',
})
export class Publication {
  @Field(() => ID, {
    description: "Stable id: 'doi:<doi>' when the DOI is known, else 'pub:<first author>-<year>-<volume>-<first page>'.",
  })
  key!: string;

  @Field(() => String, { nullable: true, description: "The DOI, lower-cased, without resolver prefix, e.g. '10.1038/nmat3066'; null when unknown." })
  doi!: string | null;

  @Field(() => String, { nullable: true, description: 'The DOI resolver URL (https://doi.org/...).' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'Authors as printed in the reference list.' })
  authors!: string | null;

  @Field(() => String, { nullable: true, description: 'Surname of the first author.' })
  firstAuthor!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of publication.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Title as printed.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Journal (abbreviation as printed).' })
  journal!: string | null;

  @Field(() => String, { nullable: true, description: 'Volume.' })
  volume!: string | null;

  @Field(() => String, { nullable: true, description: 'First page or article number.' })
  firstPage!: string | null;

  @Field(() => Boolean, { description: 'True for the five source reviews.' })
  isReview!: boolean;

  @Field(() => String, { nullable: true, description: "For a source review: its key, e.g. 'banerjee2020'." })
  reviewKey!: string | null;

  @Field(() => String, { nullable: true, description: 'For a source review: the file of its text under ../shared/seeds.' })
  textFile!: string | null;
}

@ObjectType({ description: CITATION.description })
@fieldsOf(CITATION)
export class Citation {}
// the fields as the record type has them (declared once in domain/model/citation.kind.ts)
export interface Citation extends RecordOf<typeof CITATION> {}

@ObjectType({ description: 'An external dataset that facts were imported from, with its licence and how to cite it.' })
export class Dataset {
  @Field(() => ID, { description: "Short id, e.g. 'obelix'." })
  id!: string;

  @Field(() => String, { description: "Name of the dataset, e.g. 'OBELiX'." })
  name!: string;

  @Field(() => String, { description: "Version of the imported file: 'sha256:' + the first 16 hex digits of its SHA-256." })
  version!: string;

  @Field(() => String, { description: "Licence of the data, e.g. 'CC BY 4.0'. Attribution must stay with every record." })
  license!: string;

  @Field(() => String, { description: 'The text of the licence.' })
  licenseUrl!: string;

  @Field(() => String, { description: 'Where the dataset is published.' })
  url!: string;

  @Field(() => String, { description: 'How to cite the dataset.' })
  citation!: string;

  @Field(() => String, { nullable: true, description: "DOI of the dataset's paper." })
  doi!: string | null;

  @Field(() => String, { description: 'Name of the imported file.' })
  file!: string;

  @Field(() => NonNegativeIntResolver, { description: 'Records of the dataset in the graph (OBELiX: rows of all.csv; a formation-energy table: its rows).' })
  recordCount!: number;

  @Field(() => NonNegativeIntResolver, {
    description: 'Measurements that came through this dataset: a record can give more than one (OBELiX: a total and a bulk conductivity).',
  })
  measurementCount!: number;

  @Field(() => NonNegativeIntResolver, {
    description: 'Phase entries of a formation-energy dataset in the graph: one per reduced composition (its lowest polymorph); 0 for other datasets.',
  })
  phaseEntryCount!: number;
}

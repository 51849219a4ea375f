import { NonNegativeIntResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A published paper, identified by its DOI.' })
export class Publication {
  @Field(() => ID, { description: "The DOI, lower-cased, without resolver prefix, e.g. '10.1038/nmat3066'." })
  doi!: string;

  @Field(() => String, { description: 'The DOI resolver URL (https://doi.org/...).' })
  url!: string;
}

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

  @Field(() => NonNegativeIntResolver, { description: 'Records of the dataset in the graph (OBELiX: rows of all.csv).' })
  recordCount!: number;

  @Field(() => NonNegativeIntResolver, {
    description: 'Measurements that came through this dataset: a record can give more than one (OBELiX: a total and a bulk conductivity).',
  })
  measurementCount!: number;
}

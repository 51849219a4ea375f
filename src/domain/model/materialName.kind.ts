/**
 * The nodes that name and group materials, declared once (see property.ts): `MaterialFamily` (a structural
 * family of the vocabulary, domain/families.ts: the GraphQL type of that name) and `MaterialName` (one name
 * of a material under its lookup key, domain/materialNames.ts: read by the name lookups and the full-text
 * search, no GraphQL type). A name reaches its material through NAMES; a fact or an interface its family
 * through ABOUT_FAMILY / ELECTROLYTE_FAMILY.
 */
import { STRUCTURAL_FAMILIES, type StructuralFamily } from '../families.js';
import { nodeKind, oneOf, text } from './property.js';

export const MATERIAL_FAMILY = nodeKind(
  'MaterialFamily',
  'A structural family of solid electrolytes, the top of the material hierarchy (family → composition → variant), ' +
    'with the statements the reviews make about the family as a whole.',
  {
    id: oneOf<StructuralFamily>('StructuralFamily', STRUCTURAL_FAMILIES, 'The family.'),
    description: text('What the family comprises, with examples.'),
  },
);

/** How a name came about: a registry id, a curated name, an alias of a review, a polymorph's name. */
export const MATERIAL_NAME_KINDS = ['ID', 'NAME', 'ALIAS', 'VARIANT'] as const;
export type MaterialNameKind = (typeof MATERIAL_NAME_KINDS)[number];

export const MATERIAL_NAME = nodeKind(
  'MaterialName',
  'One name of a material under its lookup key (NFKC, case, Greek letters and dashes folded: domain/materialNames.ts).',
  {
    key: text('The lookup key of the name (an index seeks it).').hidden(),
    text: text('The name as written (the full-text index reads it).').hidden(),
    kind: oneOf<MaterialNameKind>('MaterialNameKind', MATERIAL_NAME_KINDS, 'How the name came about.').hidden(),
    review: text('The review where the name holds; null when it holds in every review.').optional().hidden(),
    variantId: text('The variant it names, if any.').optional().hidden(),
  },
  { graphql: false },
);

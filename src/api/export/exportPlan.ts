/**
 * The plan of an export: the GraphQL document one page of the list is read with (the list's own
 * `where`, `orderBy`, `first` and `after`, so filters, sorts, limits and costs are exactly those of the
 * API), the columns of a row (one per selected leaf field, named by its path: `material.name`), and the
 * provenance read beside them.
 *
 * Provenance columns (fact lists: nodes with a `source`): `provenance.doi`, `provenance.publication`
 * (first author, journal, volume, page, year), `provenance.review` (the review the fact was read in),
 * `provenance.reviewLine`, `provenance.quote`, `provenance.dataset`, `provenance.datasetRecord`,
 * `provenance.licence` (the dataset's); phase entries: `provenance.dataset`, `provenance.licence`,
 * `provenance.datasetCitation`. Materials, interfaces and publications carry none.
 * Errors: ExportRequestError naming `list` or `fields`.
 */
import {
  getNamedType,
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ExportRequestError, type ExportFormat, type ExportRequest } from './exportRequest.js';

export type ProvenanceKind = 'fact' | 'dataset' | 'none';

/** One column of a row: its name and the response keys leading to the value in a node. */
export interface Column {
  name: string;
  path: string[];
}

export interface ExportPlan {
  list: string;
  format: ExportFormat;
  /** One page: variables `$first` and `$after` are set by the runner. */
  document: string;
  variables: Record<string, unknown>;
  columns: Column[];
  provenance: ProvenanceKind;
  /** The nodes are publications themselves (the citations of a publication list are its rows). */
  publicationRows: boolean;
  limit?: number;
}

/** What a citation is built from (Publication in the schema). */
export const PUBLICATION_FIELDS = 'key doi authors firstAuthor title journal volume firstPage year url isReview reviewKey';
/** What a dataset's citation and licence are built from (Dataset in the schema). */
export const DATASET_FIELDS = 'id name citation doi license licenseUrl url version';

export const PROVENANCE_COLUMNS: Record<ProvenanceKind, readonly string[]> = {
  fact: ['doi', 'publication', 'review', 'reviewLine', 'quote', 'dataset', 'datasetRecord', 'licence'].map((c) => `provenance.${c}`),
  dataset: ['dataset', 'licence', 'datasetCitation'].map((c) => `provenance.${c}`),
  none: [],
};

/** Columns when `fields` is not given: values as printed and in canonical units, and what they are of. */
const DEFAULT_FIELDS: Record<string, string> = {
  measurements:
    'id property propertyText printedValue printedUnit qualifier value unit min max uncertainty temperatureK temperatureText contribution sampleForm method reportedFormula material { name formula family } variant { labels } family',
  materials: 'id name formula kind family chemicalClass elements',
  interfaces: 'id electrolyte { name formula } counterpart { name formula } counterpartKind electrolyteFamily',
  interphaseObservations:
    'id interface { electrolyte { name } counterpart { name } } interphaseType stabilityClass products { formula } productsText characterText conditions computed',
  reportedStabilityWindows:
    'id material { name formula } variant { labels } family method methodText scale reductionLimit { text quantity { printedValue value unit } } oxidationLimit { text quantity { printedValue value unit } }',
  coatingApplications: 'id coating { name formula } electrolyte { name } substrate { name } substrateText role method methodText loading effectText',
  cells: 'id cellType resultText conditions { temperatureK temperatureText currentDensity cRate stackPressure voltageRange }',
  claims: 'id kind statement materials { name }',
  publications: PUBLICATION_FIELDS,
  phaseEntries: 'id formula chemicalSystem formationEnergyEvPerAtom label source datasetVersion material { name }',
};

const PAGE_ARGUMENTS = new Set(['where', 'orderBy', 'first', 'after']);
const RESERVED_PREFIX = '_export';

/** The lists an export can read: the fields of Query returning a connection with `edges { node }`, paged by first/after. */
export function exportableLists(schema: GraphQLSchema): string[] {
  const query = schema.getQueryType();
  if (!query) return [];
  return Object.values(query.getFields())
    .filter((f) => nodeTypeOf(f) !== null && f.args.every((a) => PAGE_ARGUMENTS.has(a.name)))
    .map((f) => f.name)
    .sort();
}

export function planExport(schema: GraphQLSchema, request: ExportRequest): ExportPlan {
  const field = schema.getQueryType()?.getFields()[request.list];
  const node = field && exportableLists(schema).includes(request.list) ? nodeTypeOf(field) : null;
  if (!field || !node) throw new ExportRequestError('list', `'${request.list}' is not a list; accepted: ${exportableLists(schema).join(', ')}`);
  const provenance = provenanceOf(node);
  const publicationRows = node.name === 'Publication';
  const citations = request.format === 'bib' || request.format === 'csl.json';
  if (citations && provenance === 'none' && !publicationRows) {
    throw new ExportRequestError('format', `${request.list} carry no publication of their own: export the citations of a fact list (measurements, claims...) or of publications`);
  }
  const own = citations ? null : selectionOf(request.fields ?? DEFAULT_FIELDS[request.list] ?? 'id');
  const nodeSelection = [own ? print(own).slice(1, -1) : '', provenanceSelection(node, provenance, citations, publicationRows)].join(' ');
  const args = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const pass = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    list: request.list,
    format: request.format,
    document: `query Export(${args}) { rows: ${request.list}(${pass}) { pageInfo { hasNextPage endCursor } edges { node { ${nodeSelection} } } } }`,
    variables: { where: request.where, orderBy: request.orderBy },
    columns: own ? columnsOf(own) : [],
    provenance,
    publicationRows,
    limit: request.limit,
  };
}

function nodeTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType | null {
  const connection = getNamedType(field.type);
  if (!isObjectType(connection)) return null;
  const edges = connection.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? getNamedType(edge.getFields().node?.type) : null;
  return node && isObjectType(node) ? node : null;
}

function provenanceOf(node: GraphQLObjectType): ProvenanceKind {
  const fields = node.getFields();
  if (fields.source && getNamedType(fields.source.type).name === 'Source') return 'fact';
  if (fields.dataset && getNamedType(fields.dataset.type).name === 'Dataset') return 'dataset';
  return 'none';
}

function provenanceSelection(node: GraphQLObjectType, kind: ProvenanceKind, citations: boolean, publicationRows: boolean): string {
  if (publicationRows) return citations ? PUBLICATION_FIELDS : '';
  if (kind === 'dataset') return `${RESERVED_PREFIX}Dataset: dataset { ${DATASET_FIELDS} }`;
  if (kind === 'none') return '';
  const fields = node.getFields();
  const parts = [`${RESERVED_PREFIX}Source: source { kind line lines quote recordId review { ${PUBLICATION_FIELDS} } dataset { ${DATASET_FIELDS} } }`];
  if (fields.publication) parts.push(`${RESERVED_PREFIX}Publication: publication { ${PUBLICATION_FIELDS} }`);
  if (citations && fields.publications) parts.push(`${RESERVED_PREFIX}Publications: publications { ${PUBLICATION_FIELDS} }`);
  return parts.join(' ');
}

/** The `fields` parameter as a selection set: fields, aliases and literal arguments only. */
function selectionOf(fields: string): SelectionSetNode {
  let selection: SelectionSetNode;
  try {
    const doc = parse(`{ ${fields} }`, { noLocation: true, maxTokens: 2_000 });
    const op = doc.definitions[0];
    if (doc.definitions.length !== 1 || op?.kind !== Kind.OPERATION_DEFINITION) throw new Error('expected fields only');
    selection = op.selectionSet;
  } catch (e) {
    throw new ExportRequestError('fields', `not a GraphQL selection (${(e as Error).message}); e.g. fields=id value(unit: "mS/cm") material { name }`);
  }
  visit(selection, {
    FragmentSpread: () => refuse('fragments are not accepted'),
    InlineFragment: () => refuse('fragments are not accepted'),
    Variable: (v) => refuse(`variables are not accepted ($${v.name.value}): write the value`),
    Directive: (d) => refuse(`directives are not accepted (@${d.name.value})`),
    Field: (f) => {
      const key = f.alias?.value ?? f.name.value;
      if (key.startsWith(RESERVED_PREFIX)) refuse(`'${key}' starts with '${RESERVED_PREFIX}', kept for the provenance columns`);
    },
  });
  return selection;
}

function refuse(message: string): never {
  throw new ExportRequestError('fields', message);
}

/** One column per selected leaf, in the order selected; a field selected twice gives one column. */
export function columnsOf(selection: SelectionSetNode, prefix: string[] = []): Column[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const s of selection.selections) {
    if (s.kind !== Kind.FIELD) continue;
    const path = [...prefix, s.alias?.value ?? s.name.value];
    for (const c of s.selectionSet ? columnsOf(s.selectionSet, path) : [{ name: path.join('.'), path }]) {
      if (!seen.has(c.name)) columns.push(c);
      seen.add(c.name);
    }
  }
  return columns;
}

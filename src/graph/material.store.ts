/**
 * Every query about Material nodes. Materials are compositions: `id` is the composition key
 * (see Composition.key), so any notation of a formula finds its material by key.
 */
import neo4j from 'neo4j-driver';
import type { StructuralFamily } from '../domain/families.js';
import { cypher, type GraphDatabase, type NamedQuery, type Row } from './database.js';
import { num, numList, optStr, str, strList } from './mapping.js';
import type { MaterialRecord } from './records.js';

export interface MaterialFilter {
  /** Composition key to match exactly. */
  key: string | null;
  family: StructuralFamily | null;
  chemicalSystem: string | null;
  /** Every one of these elements must be present. */
  elementsIncludeAll: string[];
}

export interface MaterialPage {
  totalCount: number;
  /** At most `limit` materials after the cursor, ordered by id. */
  items: MaterialRecord[];
}

// Each filter is a constant fragment with parameters; the page query joins the fragments of the filters
// given, so that Neo4j can seek the unique index on id and the index on chemicalSystem (a predicate like
// `$x IS NULL OR m.p = $x` would force a label scan). Values never enter the text.
const FRAGMENTS = {
  key: 'm.id = $key',
  family: '$family IN m.families',
  chemicalSystem: 'm.chemicalSystem = $chemicalSystem',
  elementsIncludeAll: 'all(e IN $elements WHERE e IN m.elements)',
} as const;

/** The named page query for the filters that are set (exported for Cypher-generation tests). */
export function materialPageQuery(filter: MaterialFilter, withCursor: boolean): NamedQuery {
  const where: string[] = [];
  if (filter.key !== null) where.push(FRAGMENTS.key);
  if (filter.family !== null) where.push(FRAGMENTS.family);
  if (filter.chemicalSystem !== null) where.push(FRAGMENTS.chemicalSystem);
  if (filter.elementsIncludeAll.length > 0) where.push(FRAGMENTS.elementsIncludeAll);
  const match = `MATCH (m:Material)${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const after = withCursor ? `${where.length ? ' AND' : ' WHERE'} m.id > $after` : '';
  return cypher(
    'materials.page',
    `
CALL {
  ${match}
  RETURN count(m) AS totalCount
}
CALL {
  ${match}${after}
  WITH m ORDER BY m.id LIMIT $limit
  RETURN collect(m {.*}) AS items
}
RETURN totalCount, items`,
  );
}

const BY_IDS = cypher(
  'materials.byIds',
  `
UNWIND $ids AS id
MATCH (m:Material {id: id})
RETURN m {.*} AS m`,
);

export class MaterialStore {
  constructor(private readonly db: GraphDatabase) {}

  async page(filter: MaterialFilter, after: string | null, limit: number): Promise<MaterialPage> {
    const [row] = await this.db.read(materialPageQuery(filter, after !== null), {
      key: filter.key,
      family: filter.family,
      chemicalSystem: filter.chemicalSystem,
      elements: filter.elementsIncludeAll,
      after,
      limit: neo4j.int(limit),
    });
    if (!row) throw new Error('materials.page returned no row');
    return { totalCount: num(row, 'totalCount'), items: (row.items as Row[]).map(toMaterialRecord) };
  }

  /** Materials by id, in the order of `ids`; null where none exists. */
  async byIds(ids: readonly string[]): Promise<(MaterialRecord | null)[]> {
    const rows = await this.db.read(BY_IDS, { ids });
    const found = new Map(rows.map((r) => toMaterialRecord(r.m as Row)).map((m) => [m.id, m]));
    return ids.map((id) => found.get(id) ?? null);
  }
}

export function toMaterialRecord(n: Row): MaterialRecord {
  const elements = strList(n, 'compositionElements');
  const amounts = numList(n, 'compositionAmounts');
  return {
    id: str(n, 'id'),
    name: str(n, 'name'),
    formula: str(n, 'formula'),
    reportedFormulas: strList(n, 'reportedFormulas'),
    reducedFormula: str(n, 'reducedFormula'),
    composition: elements.map((element, i) => ({ element, amount: amounts[i]! })),
    elements: strList(n, 'elements'),
    chemicalSystem: str(n, 'chemicalSystem'),
    family: optStr(n, 'family') as StructuralFamily | null,
    families: strList(n, 'families') as StructuralFamily[],
    familyLabels: strList(n, 'familyLabels'),
  };
}

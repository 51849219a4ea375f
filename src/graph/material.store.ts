/**
 * Every query about Material nodes. Materials are compositions: `id` is the composition key
 * (see Composition.key), so any notation of a formula finds its material by key.
 */
import neo4j from 'neo4j-driver';
import type { StructuralFamily } from '../domain/families.js';
import { cypher, type GraphDatabase, type Row } from './database.js';
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

// The filter is static text with parameters; the same fragment serves the count and the page.
const FILTER = `
  ($key IS NULL OR m.id = $key)
  AND ($family IS NULL OR m.family = $family)
  AND ($chemicalSystem IS NULL OR m.chemicalSystem = $chemicalSystem)
  AND all(e IN $elements WHERE e IN m.elements)`;

const PAGE = cypher(
  'materials.page',
  `
CALL {
  MATCH (m:Material) WHERE ${FILTER}
  RETURN count(m) AS totalCount
}
CALL {
  MATCH (m:Material) WHERE ${FILTER} AND ($after IS NULL OR m.id > $after)
  WITH m ORDER BY m.id LIMIT $limit
  RETURN collect(m {.*}) AS items
}
RETURN totalCount, items`,
);

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
    const [row] = await this.db.read(PAGE, {
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
    familyLabels: strList(n, 'familyLabels'),
  };
}

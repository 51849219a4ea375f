/**
 * Every query about Material nodes. Materials are compositions: `id` is the composition key
 * (see Composition.key), so any notation of a formula finds its material by key.
 */
import { LRUCache } from 'lru-cache';
import { MATERIAL, MATERIAL_VARIANT } from '../domain/model/material.kind.js';
import { MATERIAL_NAME } from '../domain/model/materialName.kind.js';
import { cypher, type GraphDatabase } from './database.js';
import { num, optStr, str } from './mapping.js';
import { projectionOf, recordMap } from './nodeKinds.js';
import { MATERIAL_PROJECTION, VARIANT_PROJECTION } from './query/projection.material.js';
import type { MaterialRecord, VariantRecord } from './records.js';
import type { MaterialNameKind } from './seed.records.js';

/** A material a text names, and how (nameKind null: the text is the material's id). */
export interface NameMatch {
  materialId: string;
  materialName: string;
  materialKind: 'COMPOSITION' | 'NAMED';
  /** The formula as curated (null for a named material). */
  formula: string | null;
  nameKind: MaterialNameKind | null;
  nameText: string | null;
  /** The review where the name holds; null = every review. */
  review: string | null;
  variant: VariantRecord | null;
}

// a material is read from its public properties (never the sources' copies), a variant with its material's id
const MATERIAL_MAP = recordMap(MATERIAL, MATERIAL_PROJECTION, 'm');
const VARIANT_MAP = recordMap(MATERIAL_VARIANT, { ...VARIANT_PROJECTION, materialId: () => 'm.id' }, 'v');
// a name's properties as its declaration stores them (domain/model/materialName.kind.ts)
const NAME = projectionOf(MATERIAL_NAME, {});

const BY_IDS = cypher(
  'materials.byIds',
  `
UNWIND $ids AS id
MATCH (m:Material {id: id})
RETURN ${MATERIAL_MAP} AS m`,
);

export class MaterialStore {
  /**
   * Answers of `lookupName` (a match list, empty for a formula) kept by this process for NAME_CACHE_TTL_MS:
   * names change only when curated data is loaded, and a thermodynamic argument would otherwise cost a
   * round trip to Neo4j before anything else, cached result or not (filters resolve names in their statement). A name written
   * later (a seed load, another replica) is seen within the TTL.
   */
  private readonly names = new LRUCache<string, NameMatch[]>({ max: 20_000, ttl: NAME_CACHE_TTL_MS });

  constructor(private readonly db: GraphDatabase) {}

  /** Materials by id, in the order of `ids`; null where none exists. */
  async byIds(ids: readonly string[]): Promise<(MaterialRecord | null)[]> {
    const rows = await this.db.read(BY_IDS, { ids });
    const found = new Map(rows.map((r) => r.m as MaterialRecord).map((m) => [m.id, m]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * The materials a text names: a material whose id is `text` exactly, and every MaterialName whose
   * lookup key is `key` (domain/materialNames.ts) with its kind, text, review and variant. Both are index
   * seeks (the unique index on Material.id, the range index on MaterialName.key); formulas are resolved
   * by the caller.
   */
  async lookupName(text: string, key: string): Promise<NameMatch[]> {
    const cacheKey = `${key}\u0000${text}`;
    const cached = this.names.get(cacheKey);
    if (cached) return cached;
    const found = await this.readName(text, key);
    this.names.set(cacheKey, found);
    return found;
  }

  private async readName(text: string, key: string): Promise<NameMatch[]> {
    const rows = await this.db.read(LOOKUP_NAME, { text, key });
    return rows.map((r) => ({
      materialId: str(r, 'materialId'),
      materialName: str(r, 'materialName'),
      materialKind: (optStr(r, 'materialKind') ?? 'COMPOSITION') as NameMatch['materialKind'],
      formula: optStr(r, 'formula'),
      nameKind: optStr(r, 'nameKind') as NameMatch['nameKind'],
      nameText: optStr(r, 'nameText'),
      review: optStr(r, 'review'),
      variant: (r.variant as VariantRecord | null) ?? null,
    }));
  }

  /** For each structural family: how many materials any source places in it. */
  async countsByFamily(families: readonly string[]): Promise<number[]> {
    const rows = await this.db.read(COUNT_BY_FAMILY, { families });
    const counts = new Map(rows.map((r) => [str(r, 'family'), num(r, 'n')]));
    return families.map((f) => counts.get(f) ?? 0);
  }

  async variantsByIds(ids: readonly string[]): Promise<(VariantRecord | null)[]> {
    const rows = await this.db.read(VARIANTS_BY_IDS, { ids });
    const found = new Map(rows.map((r) => r.v as VariantRecord).map((v) => [v.id, v]));
    return ids.map((id) => found.get(id) ?? null);
  }

  async variantsByMaterialIds(ids: readonly string[]): Promise<VariantRecord[][]> {
    const rows = await this.db.read(VARIANTS_BY_MATERIAL_IDS, { ids });
    const groups = new Map<string, VariantRecord[]>(ids.map((id) => [id, []]));
    for (const r of rows) groups.get(str(r, 'key'))?.push(r.v as VariantRecord);
    return ids.map((id) => groups.get(id) ?? []);
  }
}

/** Exported for the test that reads its plan (index seeks, no label scan). */
/** How long a process trusts a name lookup it made (ms). */
export const NAME_CACHE_TTL_MS = 60_000;

export const LOOKUP_NAME = cypher(
  'materials.lookupName',
  `
CALL {
  MATCH (m:Material {id: $text})
  RETURN m, null AS n
  UNION
  MATCH (n:MaterialName {key: $key})-[:NAMES]->(m:Material)
  RETURN m, n
}
OPTIONAL MATCH (v:MaterialVariant {id: ${NAME.variantId!('n')}})
RETURN m.id AS materialId, m.name AS materialName, m.kind AS materialKind, m.formula AS formula,
  ${NAME.kind!('n')} AS nameKind, ${NAME.text!('n')} AS nameText, ${NAME.review!('n')} AS review, CASE WHEN v IS NULL THEN null ELSE ${VARIANT_MAP} END AS variant
ORDER BY materialId, nameText, review`,
);

const COUNT_BY_FAMILY = cypher(
  'materials.countByFamily',
  `
UNWIND $families AS family
RETURN family, COUNT { MATCH (m:Material) WHERE family IN m.families RETURN m } AS n`,
);

const VARIANTS_BY_IDS = cypher(
  'variants.byIds',
  `
UNWIND $ids AS id
MATCH (v:MaterialVariant {id: id})-[:VARIANT_OF]->(m:Material)
RETURN ${VARIANT_MAP} AS v`,
);

const VARIANTS_BY_MATERIAL_IDS = cypher(
  'variants.byMaterialIds',
  `
UNWIND $ids AS key
MATCH (v:MaterialVariant)-[:VARIANT_OF]->(m:Material {id: key})
RETURN key, ${VARIANT_MAP} AS v
ORDER BY v.id`,
);

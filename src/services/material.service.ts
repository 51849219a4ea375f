/**
 * Material use cases: the materials connection with its filters, one material by id, and what was
 * measured on a material. Validates arguments and names the argument in every error.
 */
import { parseFormula } from '../domain/chemistry/formula.js';
import { isElementSymbol } from '../domain/chemistry/elements.js';
import { InvalidFormulaError } from '../domain/errors.js';
import type { StructuralFamily } from '../domain/families.js';
import type { PropertyKind } from '../domain/units/properties.js';
import type { Loaders, Stores } from '../graph/loaders.js';
import type { MaterialFilter } from '../graph/material.store.js';
import type { MaterialRecord, MeasurementRecord } from '../graph/records.js';
import { InvalidArgumentError } from './errors.js';
import { checkPageSize, decodeCursor, toConnection, type Connection } from './pagination.js';

export interface MaterialWhereInput {
  formula?: string | null;
  elementsIncludeAll?: string[] | null;
  family?: StructuralFamily | null;
  chemicalSystem?: string | null;
}

const CURSOR_KIND = 'material';

export class MaterialService {
  constructor(
    private readonly stores: Stores,
    private readonly loaders: Loaders,
  ) {}

  async list(where: MaterialWhereInput | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<MaterialRecord>> {
    const size = checkPageSize(first);
    const afterId = decodeCursor(CURSOR_KIND, after);
    const filter = toFilter(where ?? {});
    const page = await this.stores.materials.page(filter, afterId, size + 1);
    for (const m of page.items) this.loaders.materialById.prime(m.id, m);
    return toConnection(CURSOR_KIND, page.items, size, page.totalCount, (m) => m.id, afterId);
  }

  /** The material with this id, or null. @throws InvalidArgumentError('id') when it is not a composition key. */
  async byId(id: string): Promise<MaterialRecord | null> {
    return this.loaders.materialById.load(checkMaterialId(id));
  }

  /** Material of a measurement (always exists for a stored measurement). */
  async ofMeasurement(measurement: MeasurementRecord): Promise<MaterialRecord> {
    const m = await this.loaders.materialById.load(measurement.materialId);
    if (!m) throw new Error(`measurement ${measurement.id} has no material ${measurement.materialId}`);
    return m;
  }

  async measurements(materialId: string, property: PropertyKind | null | undefined): Promise<MeasurementRecord[]> {
    const all = await this.loaders.measurementsByMaterialId.load(materialId);
    return property ? all.filter((m) => m.property === property) : all;
  }
}

/**
 * A material id is the composition key: alphabetical elements with every count ("Ge1Li10P2S12").
 * @throws InvalidArgumentError('id') naming the expected form, with the key of a formula given instead.
 */
export function checkMaterialId(id: string): string {
  let key: string | null = null;
  try {
    key = parseFormula(id).key;
  } catch {
    key = null;
  }
  if (key !== id) {
    const hint = key ? ` (the id of that composition is '${key}')` : '';
    throw new InvalidArgumentError('id', `'${id}' is not a material id; ids are composition keys such as 'Ge1Li10P2S12'${hint}`);
  }
  return id;
}

function toFilter(where: MaterialWhereInput): MaterialFilter {
  let key: string | null = null;
  if (where.formula !== undefined && where.formula !== null) {
    try {
      key = parseFormula(where.formula).key;
    } catch (e) {
      if (e instanceof InvalidFormulaError) throw new InvalidArgumentError('where.formula', e.message);
      throw e;
    }
  }
  const elements = where.elementsIncludeAll ?? [];
  for (const el of elements) {
    if (!isElementSymbol(el)) throw new InvalidArgumentError('where.elementsIncludeAll', `'${el}' is not an element symbol`);
  }
  let chemicalSystem: string | null = null;
  if (where.chemicalSystem !== undefined && where.chemicalSystem !== null) {
    const parts = where.chemicalSystem.split('-').map((s) => s.trim());
    const bad = parts.find((p) => !isElementSymbol(p));
    if (bad !== undefined) {
      throw new InvalidArgumentError('where.chemicalSystem', `'${bad}' is not an element symbol; write systems as 'Li-P-S'`);
    }
    chemicalSystem = [...new Set(parts)].sort().join('-');
  }
  return { key, family: where.family ?? null, chemicalSystem, elementsIncludeAll: [...new Set(elements)] };
}

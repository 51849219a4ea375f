/**
 * Material use cases (the materials list and a family's materials are compiled: query/list.service.ts): one
 * material by id, and everything the graph holds about a material (measurements, windows, interfaces, coatings, cells, variants).
 * Validates arguments and names the argument in every error.
 */
import type { ChemicalClass } from '../domain/chemicalClass.js';
import { parseFormula } from '../domain/chemistry/formula.js';
import { excerpt } from '../domain/errors.js';
import type { StructuralFamily } from '../domain/families.js';
import type { PropertyKind } from '../domain/units/properties.js';
import type { Loaders } from '../graph/loaders.js';
import type {
  CellRecord,
  CoatingApplicationRecord,
  InterfaceRecord,
  InterphaseObservationRecord,
  MaterialRecord,
  MeasurementRecord,
  StabilityWindowRecord,
  VariantRecord,
  ClaimRecord,
} from '../graph/records.js';
import { InvalidArgumentError } from './errors.js';
import { checkCompiledPageSize, measurementOrder, type MeasurementSortField, type OrderInput } from './query/order.js';
import type { Order } from '../graph/query/plan.js';

export interface MaterialWhereInput {
  formula?: string | null;
  name?: string | null;
  elementsIncludeAll?: string[] | null;
  family?: StructuralFamily | null;
  chemicalSystem?: string | null;
  kind?: 'COMPOSITION' | 'NAMED' | null;
  chemicalClass?: ChemicalClass | null;
}

export type CoatingRoleOfMaterial = 'COATING' | 'SUBSTRATE' | 'ELECTROLYTE';

export class MaterialService {
  constructor(private readonly loaders: Loaders) {}

  /** The material with this id, or null. @throws InvalidArgumentError('id') when it is not a material id. */

  async byIdOrNull(id: string | null): Promise<MaterialRecord | null> {
    return id ? this.loaders.materialById.load(id) : null;
  }

  /** Materials that must exist (ids taken from stored facts). */
  async many(ids: readonly string[]): Promise<MaterialRecord[]> {
    const found = await this.loaders.materialById.loadMany(ids);
    return found.map((m, i) => {
      if (m instanceof Error) throw m;
      if (!m) throw new Error(`material ${ids[i]} is referenced but missing`);
      return m;
    });
  }

  async variant(id: string | null): Promise<VariantRecord | null> {
    return id ? this.loaders.variantById.load(id) : null;
  }

  async variants(materialId: string): Promise<VariantRecord[]> {
    return this.loaders.variantsByMaterialId.load(materialId);
  }

  /** The material's measurements (of `property`), in the order asked for (as the compiled lists order them), at most `first`. */
  async measurements(
    materialId: string,
    property: PropertyKind | null | undefined,
    orderBy?: OrderInput<MeasurementSortField> | null,
    first?: number | null,
  ): Promise<MeasurementRecord[]> {
    const limit = first === null || first === undefined ? null : checkCompiledPageSize(first);
    const all = await this.loaders.related('measurementsByMaterial').load(materialId);
    const chosen = property ? all.filter((m) => m.property === property) : all;
    const ordered = orderBy ? sortMeasurements(chosen, measurementOrder(orderBy)) : chosen;
    return limit === null ? ordered : ordered.slice(0, limit);
  }

  async stabilityWindows(materialId: string): Promise<StabilityWindowRecord[]> {
    return this.loaders.related('windowsByMaterial').load(materialId);
  }

  /** Claims about the material (any of its variants), ordered by id. */
  async claims(materialId: string): Promise<ClaimRecord[]> {
    return this.loaders.related('claimsByMaterial').load(materialId);
  }

  /** Interfaces where the material is the electrolyte or the counterpart. */
  async interfaces(materialId: string): Promise<InterfaceRecord[]> {
    return this.loaders.related('interfacesByMaterial').load(materialId);
  }

  /** Interphase observations in which the material formed (as a product). */
  async formedIn(materialId: string): Promise<InterphaseObservationRecord[]> {
    return this.loaders.related('observationsByProduct').load(materialId);
  }

  async coatingApplications(materialId: string, as: CoatingRoleOfMaterial | null | undefined): Promise<CoatingApplicationRecord[]> {
    const all = await this.loaders.related('coatingsByMaterial').load(materialId);
    if (!as) return all;
    return all.filter((c) => (as === 'COATING' ? c.coatingId : as === 'SUBSTRATE' ? c.substrateId : c.electrolyteId) === materialId);
  }

  async cells(materialId: string, roles: string[] | null | undefined): Promise<CellRecord[]> {
    const all = await this.loaders.related('cellsByMaterial').load(materialId);
    if (!roles || roles.length === 0) return all;
    return all.filter((b) => b.components.some((c) => c.materialId === materialId && roles.includes(c.role)));
  }
}

/**
 * A material id is a composition key (alphabetical elements with every count, 'Ge1Li10P2S12') or a named
 * material's id ('named:LiPON').
 * @throws InvalidArgumentError('id') naming the expected forms, with the key of a formula given instead.
 */
export function checkMaterialId(id: string): string {
  if (/^named:[A-Za-z][A-Za-z0-9+()._-]*$/.test(id)) return id;
  let key: string | null = null;
  try {
    key = parseFormula(id).key;
  } catch {
    key = null;
  }
  if (key !== id) {
    const hint = key ? ` (the id of that composition is '${excerpt(key)}')` : '';
    throw new InvalidArgumentError(
      'id',
      `'${excerpt(id)}' is not a material id; ids are composition keys such as 'Ge1Li10P2S12' or named ids such as 'named:LiPON'${hint}`,
    );
  }
  return id;
}

/** Sorts as the compiled lists do: by the order's key, missing keys last, ties by id. */
function sortMeasurements(items: MeasurementRecord[], order: Order): MeasurementRecord[] {
  const key = (m: MeasurementRecord): string | number | null => {
    const k = order.key;
    if (k === null) return m.id;
    if (k.kind === 'measurementValue') return m.value ?? m.min ?? m.max;
    if (k.kind === 'property') return (m as unknown as Record<string, string | number | null>)[k.name] ?? null;
    return null;
  };
  const sign = order.direction === 'DESC' ? -1 : 1;
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return (ka < kb ? -1 : 1) * sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

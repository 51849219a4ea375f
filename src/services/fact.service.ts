/**
 * Fact use cases: the root connections of stability windows, interfaces, coating applications and
 * cells (each filterable by the material it involves, given by id, name, alias or formula; measurements
 * are a compiled list, see query/), and the traversals between facts (interface → observations,
 * coating ↔ cells).
 */
import { excerpt } from '../domain/errors.js';
import type { ChemicalClass } from '../domain/chemicalClass.js';
import { isElementSymbol } from '../domain/chemistry/elements.js';
import type { StructuralFamily } from '../domain/families.js';
import { REVIEW_KEY } from '../domain/vocabulary.js';
import type { PropertyKind } from '../domain/units/properties.js';
import { FILTERS, type FactKind, type PageFilter } from '../graph/fact.store.js';
import type { Loaders, Stores } from '../graph/loaders.js';
import type {
  CellRecord,
  CoatingApplicationRecord,
  InterfaceRecord,
  InterphaseObservationRecord,
    StabilityWindowRecord,
} from '../graph/records.js';
import { InvalidArgumentError } from './errors.js';
import { resolveMaterialRef } from './materialRef.js';
import { checkPageSize, decodeCursor, toConnection, type Connection } from './pagination.js';

export interface StabilityWindowWhereInput {
  material?: string | null;
  family?: StructuralFamily | null;
  method?: string | null;
  review?: string | null;
}

export interface InterfaceWhereInput {
  material?: string | null;
  electrolyte?: string | null;
  counterpart?: string | null;
  counterpartKind?: string | null;
}

export interface CoatingApplicationWhereInput {
  material?: string | null;
  coating?: string | null;
  substrate?: string | null;
  substrateElementsIncludeAll?: string[] | null;
  electrolyte?: string | null;
  electrolyteClass?: ChemicalClass | null;
  role?: string | null;
  method?: string | null;
  review?: string | null;
}

export interface CellWhereInput {
  material?: string | null;
  electrolyte?: string | null;
  cathode?: string | null;
  anode?: string | null;
  cellType?: string | null;
  review?: string | null;
}

const ELECTROLYTE_ROLES = ['ELECTROLYTE', 'CATHOLYTE', 'ANOLYTE'];

export class FactService {
  constructor(
    private readonly stores: Stores,
    private readonly loaders: Loaders,
  ) {}

  async stabilityWindows(where: StabilityWindowWhereInput | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const w = where ?? {};
    const filters: PageFilter[] = [];
    if (w.material) filters.push(FILTERS.windowMaterial(await this.material(w.material, 'where.material')));
    if (w.family) filters.push(FILTERS.family(w.family));
    if (w.method) filters.push(FILTERS.method(w.method));
    if (w.review) filters.push(FILTERS.review(checkReviewKey(w.review)));
    return this.page<StabilityWindowRecord>('window', filters, first, after);
  }

  async interfaces(where: InterfaceWhereInput | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const w = where ?? {};
    const filters: PageFilter[] = [];
    if (w.material) filters.push(FILTERS.interfaceMaterial(await this.material(w.material, 'where.material')));
    if (w.electrolyte) filters.push(FILTERS.interfaceElectrolyte(await this.material(w.electrolyte, 'where.electrolyte')));
    if (w.counterpart) filters.push(FILTERS.interfaceCounterpart(await this.material(w.counterpart, 'where.counterpart')));
    if (w.counterpartKind) filters.push(FILTERS.counterpartKind(w.counterpartKind));
    return this.page<InterfaceRecord>('interface', filters, first, after);
  }

  async coatingApplications(where: CoatingApplicationWhereInput | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const w = where ?? {};
    const filters: PageFilter[] = [];
    if (w.material) filters.push(FILTERS.coatingAny(await this.material(w.material, 'where.material')));
    if (w.coating) filters.push(FILTERS.coatingMaterial(await this.material(w.coating, 'where.coating')));
    if (w.substrate) filters.push(FILTERS.coatingSubstrate(await this.material(w.substrate, 'where.substrate')));
    if (w.substrateElementsIncludeAll?.length) filters.push(FILTERS.coatingSubstrateElements(checkElements(w.substrateElementsIncludeAll, 'where.substrateElementsIncludeAll')));
    if (w.electrolyte) filters.push(FILTERS.coatingElectrolyte(await this.material(w.electrolyte, 'where.electrolyte')));
    if (w.electrolyteClass) filters.push(FILTERS.coatingElectrolyteClass(w.electrolyteClass));
    if (w.role) filters.push(FILTERS.role(w.role));
    if (w.method) filters.push(FILTERS.method(w.method));
    if (w.review) filters.push(FILTERS.review(checkReviewKey(w.review)));
    return this.page<CoatingApplicationRecord>('coating', filters, first, after);
  }

  async cells(where: CellWhereInput | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const w = where ?? {};
    const filters: PageFilter[] = [];
    if (w.material) filters.push(FILTERS.cellComponent(await this.material(w.material, 'where.material'), null, 'anyIds'));
    if (w.electrolyte) filters.push(FILTERS.cellComponent(await this.material(w.electrolyte, 'where.electrolyte'), ELECTROLYTE_ROLES, 'electrolyteIds'));
    if (w.cathode) filters.push(FILTERS.cellComponent(await this.material(w.cathode, 'where.cathode'), ['CATHODE'], 'cathodeIds'));
    if (w.anode) filters.push(FILTERS.cellComponent(await this.material(w.anode, 'where.anode'), ['ANODE'], 'anodeIds'));
    if (w.cellType) filters.push(FILTERS.cellType(w.cellType));
    if (w.review) filters.push(FILTERS.review(checkReviewKey(w.review)));
    return this.page<CellRecord>('cell', filters, first, after);
  }

  async interface(id: string): Promise<InterfaceRecord> {
    const [found] = await this.loaders.related('interfacesByIds').load(id);
    if (!found) throw new Error(`interface ${id} is referenced but missing`);
    return found;
  }

  async observations(interfaceId: string): Promise<InterphaseObservationRecord[]> {
    return this.loaders.related('observationsByInterface').load(interfaceId);
  }

  async coatingsOfCell(cell: CellRecord): Promise<CoatingApplicationRecord[]> {
    return (await this.loaders.related('coatingsByIds').loadMany(cell.coatingApplicationIds)).flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  }

  async cellsOfCoating(coating: CoatingApplicationRecord): Promise<CellRecord[]> {
    return (await this.loaders.related('cellsByIds').loadMany(coating.cellIds)).flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  }

  private material(text: string, argument: string): Promise<string[]> {
    return resolveMaterialRef(this.stores.materials, text, argument);
  }

  private async page<T extends { id: string }>(kind: FactKind, filters: PageFilter[], first: number | null | undefined, after: string | null | undefined): Promise<Connection<T>> {
    const size = checkPageSize(first);
    const afterId = decodeCursor(kind, after);
    const page = await this.stores.facts.page<T>(kind, filters, afterId, size + 1);
    return toConnection(kind, page.items, size, page.totalCount, (x) => x.id, afterId);
  }
}

/** @throws InvalidArgumentError('where.review') unless a review key such as 'banerjee2020'. */
export function checkReviewKey(key: string): string {
  if (!REVIEW_KEY.test(key)) throw new InvalidArgumentError('where.review', `'${excerpt(key)}' is not a review key (e.g. 'banerjee2020')`);
  return key;
}

function checkElements(elements: string[], argument: string): string[] {
  for (const el of elements) if (!isElementSymbol(el)) throw new InvalidArgumentError(argument, `'${excerpt(el)}' is not an element symbol`);
  return [...new Set(elements)];
}

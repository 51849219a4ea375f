/**
 * Fact use cases: the root connection of interfaces (filterable by the material it involves, given by id,
 * name, alias or formula; measurements, stability windows, coating applications and cells are compiled
 * lists, see query/), and the traversals between facts (interface → observations, coating ↔ cells).
 */
import { FILTERS, type FactKind, type PageFilter } from '../graph/fact.store.js';
import type { Loaders, Stores } from '../graph/loaders.js';
import type {
  CellRecord,
  CoatingApplicationRecord,
  InterfaceRecord,
  InterphaseObservationRecord,
} from '../graph/records.js';
import { resolveMaterialRef } from './materialRef.js';
import { checkPageSize, decodeCursor, toConnection, type Connection } from './pagination.js';

export interface InterfaceWhereInput {
  material?: string | null;
  electrolyte?: string | null;
  counterpart?: string | null;
  counterpartKind?: string | null;
}

export class FactService {
  constructor(
    private readonly stores: Stores,
    private readonly loaders: Loaders,
  ) {}

  async interfaces(where: InterfaceWhereInput | null | undefined, first: number | null | undefined, after: string | null | undefined) {
    const w = where ?? {};
    const filters: PageFilter[] = [];
    if (w.material) filters.push(FILTERS.interfaceMaterial(await this.material(w.material, 'where.material')));
    if (w.electrolyte) filters.push(FILTERS.interfaceElectrolyte(await this.material(w.electrolyte, 'where.electrolyte')));
    if (w.counterpart) filters.push(FILTERS.interfaceCounterpart(await this.material(w.counterpart, 'where.counterpart')));
    if (w.counterpartKind) filters.push(FILTERS.counterpartKind(w.counterpartKind));
    return this.page<InterfaceRecord>('interface', filters, first, after);
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

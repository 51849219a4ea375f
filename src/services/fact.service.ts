/**
 * Fact use cases left to field resolvers: the traversals between facts (interface → observations,
 * coating ↔ cells, claim → what it is about and what it explains) when a fact is reached outside a compiled list (the
 * root lists are compiled, see query/).
 */
import type { Loaders } from '../graph/loaders.js';
import type {
  CellRecord,
  ClaimRecord,
  CoatingApplicationRecord,
  InterfaceRecord,
  InterphaseObservationRecord,
  MeasurementRecord,
  StabilityWindowRecord,
} from '../graph/records.js';

export class FactService {
  constructor(private readonly loaders: Loaders) {}

  /** A current measurement by id, or null (a retracted or proposed one is read by no list). */
  async measurement(id: string): Promise<MeasurementRecord | null> {
    const [found] = await this.loaders.related('measurementsByIds').load(id);
    return found ?? null;
  }

  /** A current claim by id, or null. */
  async claim(id: string): Promise<ClaimRecord | null> {
    const [found] = await this.loaders.related('claimsByIds').load(id);
    return found ?? null;
  }

  /** A current reported stability window by id, or null. */
  async window(id: string): Promise<StabilityWindowRecord | null> {
    const [found] = await this.loaders.related('windowsByIds').load(id);
    return found ?? null;
  }

  /** A current interphase observation by id, or null. */
  async observation(id: string): Promise<InterphaseObservationRecord | null> {
    const [found] = await this.loaders.related('observationsByIds').load(id);
    return found ?? null;
  }

  /** A current coating application by id, or null. */
  async coating(id: string): Promise<CoatingApplicationRecord | null> {
    const [found] = await this.loaders.related('coatingsByIds').load(id);
    return found ?? null;
  }

  /** A current cell by id, or null. */
  async cell(id: string): Promise<CellRecord | null> {
    const [found] = await this.loaders.related('cellsByIds').load(id);
    return found ?? null;
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

  /** The facts a claim explains, each tagged with its GraphQL type (`__typename`). */
  async explainedBy(claim: ClaimRecord): Promise<Record<string, unknown>[]> {
    return this.loaders.explainedByClaim.load(claim.id);
  }

  /** The interfaces a claim is about. */
  async interfacesOfClaim(claim: ClaimRecord): Promise<InterfaceRecord[]> {
    return (await this.loaders.related('interfacesByIds').loadMany(claim.interfaceIds)).flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  }

  /** The claims about an interface. */
  async claimsOfInterface(interfaceId: string): Promise<ClaimRecord[]> {
    return this.loaders.related('claimsByInterface').load(interfaceId);
  }

  async cellsOfCoating(coating: CoatingApplicationRecord): Promise<CellRecord[]> {
    return (await this.loaders.related('cellsByIds').loadMany(coating.cellIds)).flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
  }
}

/**
 * The top of the material hierarchy (structural families) and the characterisation techniques, with
 * the facts attached to them: family-level statements ("garnets are stable against Li") and the
 * interphase observations each technique gave evidence for.
 */
import { STRUCTURAL_FAMILIES, type StructuralFamily } from '../domain/families.js';
import { TECHNIQUES, type Technique } from '../domain/vocabulary.js';
import type { Loaders } from '../graph/loaders.js';
import type { InterfaceRecord, InterphaseObservationRecord, MeasurementRecord, StabilityWindowRecord } from '../graph/records.js';

export interface FamilyRecord {
  id: StructuralFamily;
  description: string;
}

export interface TechniqueRecord {
  id: Technique;
  description: string;
}

export class VocabularyService {
  constructor(private readonly loaders: Loaders) {}

  families(): FamilyRecord[] {
    return Object.entries(STRUCTURAL_FAMILIES).map(([id, description]) => ({ id: id as StructuralFamily, description }));
  }

  family(id: StructuralFamily): FamilyRecord {
    return { id, description: STRUCTURAL_FAMILIES[id] };
  }

  materialCount(family: StructuralFamily): Promise<number> {
    return this.loaders.materialCountByFamily.load(family);
  }

  familyMeasurements(family: StructuralFamily): Promise<MeasurementRecord[]> {
    return this.loaders.related('measurementsByFamily').load(family);
  }

  familyWindows(family: StructuralFamily): Promise<StabilityWindowRecord[]> {
    return this.loaders.related('windowsByFamily').load(family);
  }

  familyInterfaces(family: StructuralFamily): Promise<InterfaceRecord[]> {
    return this.loaders.related('interfacesByFamily').load(family);
  }

  techniques(): TechniqueRecord[] {
    return Object.entries(TECHNIQUES).map(([id, description]) => ({ id: id as Technique, description }));
  }

  observations(technique: Technique): Promise<InterphaseObservationRecord[]> {
    return this.loaders.related('observationsByTechnique').load(technique);
  }
}

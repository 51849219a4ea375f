/**
 * How a material, a variant, a publication and a dataset are read: their stored properties from their
 * declarations (domain/model/material.kind.ts, publication.kind.ts), the derived ones here. A material
 * is read from its public properties only: the sources' copies (`seed*`, `obelix*`, `liverpool*`) are never read.
 */
import { MATERIAL, MATERIAL_VARIANT } from '../../domain/model/material.kind.js';
import { DATASET, PUBLICATION } from '../../domain/model/publication.kind.js';
import { projectionOf, type Expr } from '../nodeKinds.js';
import { fromDataset, recordIdOf } from './projection.quantity.js';

export const MATERIAL_PROJECTION: Record<string, Expr> = projectionOf(MATERIAL, {});

export const VARIANT_PROJECTION: Record<string, Expr> = projectionOf(MATERIAL_VARIANT, {
  materialId: (v) => `head(COLLECT { MATCH (${v})-[:VARIANT_OF]->(m:Material) RETURN m.id })`,
});

export const PUBLICATION_PROJECTION: Record<string, Expr> = projectionOf(PUBLICATION, {
  isReview: (v) => `${v}:Review`,
});

export const DATASET_PROJECTION: Record<string, Expr> = projectionOf(DATASET, {
  measurementCount: (v) => `COUNT { (${v})<-[${fromDataset()}]-(:Measurement) }`,
  recordCount: (v) => `coalesce(${v}.rowCount, COUNT { MATCH (${v})<-[${fromDataset('f')}]-(:Measurement) RETURN DISTINCT ${recordIdOf('f')} })`,
});

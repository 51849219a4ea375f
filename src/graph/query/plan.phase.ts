/**
 * The phase entries in query plans (registered in the unions of plan.ts). A phase entry has no relationship:
 * its dataset and its material are the nodes whose id it holds:
 *   (PhaseEntry {datasetId}) ~ (Dataset {id})   (PhaseEntry {key}) ~ (Material {id})
 */

export type PhaseRelation =
  /** PhaseEntry → the Dataset it was imported from (by `datasetId`; none for a user's entry). */
  | 'phaseDataset'
  /** PhaseEntry → the Material of its composition (by its composition key `key`; none when the graph holds none). */
  | 'phaseMaterial';

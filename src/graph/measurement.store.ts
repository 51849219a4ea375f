/**
 * Every query about Measurement nodes: a measured property value of a material, as printed and in its
 * canonical unit, with the publication that reported it and the dataset it came through.
 *   (Material)-[:HAS_MEASUREMENT]->(Measurement)-[:REPORTED_IN]->(Publication)
 *   (Measurement)-[:FROM_DATASET {recordId, line}]->(Dataset)
 */
import type { PropertyKind } from '../domain/units/properties.js';
import type { Qualifier } from '../domain/values/printedValue.js';
import { cypher, type GraphDatabase, type Row } from './database.js';
import { optNum, optStr, str, strList } from './mapping.js';
import type { ConductivityContribution, MeasurementRecord } from './records.js';

const BY_MATERIAL_IDS = cypher(
  'measurements.byMaterialIds',
  `
UNWIND $ids AS id
MATCH (:Material {id: id})-[:HAS_MEASUREMENT]->(x:Measurement)
OPTIONAL MATCH (x)-[f:FROM_DATASET]->(d:Dataset)
RETURN id AS materialId, x {.*} AS x, d.id AS datasetId, f.recordId AS recordId, f.line AS line,
  COLLECT { MATCH (x)-[r:REPORTED_IN]->(p:Publication) RETURN p.doi ORDER BY r.position } AS dois
ORDER BY x.id`,
);

const BY_PUBLICATION_DOIS = cypher(
  'measurements.byPublicationDois',
  `
UNWIND $dois AS doi
MATCH (m:Material)-[:HAS_MEASUREMENT]->(x:Measurement)-[:REPORTED_IN]->(:Publication {doi: doi})
OPTIONAL MATCH (x)-[f:FROM_DATASET]->(d:Dataset)
RETURN doi AS key, m.id AS materialId, x {.*} AS x, d.id AS datasetId, f.recordId AS recordId, f.line AS line,
  COLLECT { MATCH (x)-[r:REPORTED_IN]->(p:Publication) RETURN p.doi ORDER BY r.position } AS dois
ORDER BY x.id`,
);

export class MeasurementStore {
  constructor(private readonly db: GraphDatabase) {}

  /** Measurements of each material, grouped in the order of `materialIds`. */
  async byMaterialIds(materialIds: readonly string[]): Promise<MeasurementRecord[][]> {
    const rows = await this.db.read(BY_MATERIAL_IDS, { ids: materialIds });
    return groupBy(materialIds, rows.map(toMeasurementRecord), (m) => m.materialId);
  }

  /** Measurements each publication reports, grouped in the order of `dois`. */
  async byPublicationDois(dois: readonly string[]): Promise<MeasurementRecord[][]> {
    const rows = await this.db.read(BY_PUBLICATION_DOIS, { dois });
    return groupBy(dois, rows.map((r) => [str(r, 'key'), toMeasurementRecord(r)] as const), ([k]) => k).map((g) => g.map(([, m]) => m));
  }
}

function toMeasurementRecord(row: Row): MeasurementRecord {
  const x = row.x as Row;
  const hasStructure = x.spaceGroupSymbol != null || x.spaceGroupNumber != null || x.latticeA != null;
  return {
    id: str(x, 'id'),
    materialId: str(row, 'materialId'),
    property: str(x, 'property') as PropertyKind,
    contribution: str(x, 'contribution') as ConductivityContribution,
    qualifier: str(x, 'qualifier') as Qualifier,
    value: optNum(x, 'value'),
    min: optNum(x, 'min'),
    max: optNum(x, 'max'),
    unit: str(x, 'unit'),
    printedValue: str(x, 'printedValue'),
    printedUnit: optStr(x, 'printedUnit'),
    temperatureK: optNum(x, 'temperatureK'),
    temperatureText: optStr(x, 'temperatureText'),
    reportedFormula: str(x, 'reportedFormula'),
    reportedSiteComposition: optStr(x, 'reportedSiteComposition'),
    structure: hasStructure
      ? {
          spaceGroupSymbol: optStr(x, 'spaceGroupSymbol'),
          spaceGroupNumber: optNum(x, 'spaceGroupNumber'),
          a: optNum(x, 'latticeA'),
          b: optNum(x, 'latticeB'),
          c: optNum(x, 'latticeC'),
          alpha: optNum(x, 'latticeAlpha'),
          beta: optNum(x, 'latticeBeta'),
          gamma: optNum(x, 'latticeGamma'),
          icsdId: optStr(x, 'icsdId'),
        }
      : null,
    publicationDois: strList(row, 'dois'),
    source: {
      file: str(x, 'sourceFile'),
      line: optNum(row, 'line') ?? optNum(x, 'sourceLine'),
      recordId: optStr(row, 'recordId'),
      datasetId: optStr(row, 'datasetId'),
    },
  };
}

function groupBy<T>(keys: readonly string[], items: T[], keyOf: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return keys.map((k) => groups.get(k) ?? []);
}

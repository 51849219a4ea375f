/**
 * The seeded graph (the five reviews and OBELiX) holds no property that a declaration
 * (src/domain/model/*.kind.ts) does not name, on nodes or on relationships: every writer derives what it
 * writes from a declaration, so a property written by hand beside them would show here. Every relationship
 * type that carries properties has a declaration (a kind declared with `relationship: TYPE`). Read with plain
 * Cypher, not through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELL, CELL_CONDITIONS, CELL_RESULT } from '../../src/domain/model/cell.kind.js';
import { COATING_APPLICATION, COATING_EFFECT } from '../../src/domain/model/coating.kind.js';
import { SOURCE } from '../../src/domain/model/fact.kind.js';
import { INTERFACE } from '../../src/domain/model/interface.kind.js';
import { INTERPHASE_OBSERVATION, TECHNIQUE } from '../../src/domain/model/interphaseObservation.kind.js';
import { MATERIAL, MATERIAL_VARIANT } from '../../src/domain/model/material.kind.js';
import { MATERIAL_FAMILY, MATERIAL_NAME } from '../../src/domain/model/materialName.kind.js';
import { MEASUREMENT, REPORTED_STRUCTURE } from '../../src/domain/model/measurement.kind.js';
import { PHASE_ENTRY } from '../../src/domain/model/phaseEntry.kind.js';
import type { NodeKindSpec } from '../../src/domain/model/property.js';
import { DATASET, PUBLICATION } from '../../src/domain/model/publication.kind.js';
import { STABILITY_WINDOW } from '../../src/domain/model/stabilityWindow.kind.js';
import { cypher } from '../../src/graph/database.js';
import { storedNamesOf } from '../../src/graph/nodeKinds.js';
import { declaredKinds } from '../support/declaredKinds.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

/** Node labels and relationship types, and the declarations whose properties they carry. */
const NODES: Record<string, NodeKindSpec[]> = {
  Material: [MATERIAL],
  MaterialVariant: [MATERIAL_VARIANT],
  Publication: [PUBLICATION],
  Dataset: [DATASET],
  Measurement: [MEASUREMENT, SOURCE, REPORTED_STRUCTURE],
  StabilityWindow: [STABILITY_WINDOW, SOURCE],
  InterphaseObservation: [INTERPHASE_OBSERVATION, SOURCE],
  CoatingApplication: [COATING_APPLICATION, SOURCE],
  Cell: [CELL, CELL_CONDITIONS, SOURCE],
  CellResult: [CELL_RESULT],
  CoatingEffect: [COATING_EFFECT],
  Interface: [INTERFACE],
  Technique: [TECHNIQUE],
  PhaseEntry: [PHASE_ENTRY],
  MaterialName: [MATERIAL_NAME],
  MaterialFamily: [MATERIAL_FAMILY],
};
/** Relationship types and the declarations whose properties they carry (every kind declared with `relationship`). */
const RELATIONSHIPS: Record<string, NodeKindSpec[]> = {};
for (const kind of (await declaredKinds()).filter((k) => k.relationship)) (RELATIONSHIPS[kind.relationship!] ??= []).push(kind);

async function keysOf(pattern: string): Promise<string[]> {
  const rows = await server.db.read(cypher('test.storedKeys', `MATCH ${pattern} UNWIND keys(x) AS k RETURN DISTINCT k ORDER BY k`));
  return rows.map((r) => String(r.k));
}

describe('the seeded graph holds only declared properties', () => {
  it.each(Object.entries(NODES))('%s nodes', async (label, kinds) => {
    // a user's phase entry: createdAt is a date-time the database sets (declared as read: its ISO string)
    const declared = new Set([...kinds.flatMap((k) => [...storedNamesOf(k)]), ...(label === 'PhaseEntry' ? ['createdAt'] : [])]);
    const stored = await keysOf(`(x:${label})`);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((k) => !declared.has(k))).toEqual([]);
  });

  it('declares the relationships the API reads properties of', () => {
    expect(Object.keys(RELATIONSHIPS).sort()).toEqual(
      ['ABOUT', 'APPLIED_ON', 'CITES', 'EVIDENCE', 'FROM_DATASET', 'HAS_COMPONENT', 'HAS_EFFECT', 'HAS_QUANTITY', 'HAS_RESULT', 'PAIRED_WITH', 'PRODUCES', 'REPORTED_BY'],
    );
  });

  it.each(Object.entries(RELATIONSHIPS))('%s relationships', async (type, kinds) => {
    const declared = new Set(kinds.flatMap((k) => [...storedNamesOf(k)]));
    const stored = await keysOf(`()-[x:${type}]->()`);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((k) => !declared.has(k))).toEqual([]);
  });

  it('every relationship type that carries properties is declared, and carries only what its declaration names', async () => {
    const rows = await server.db.read(
      cypher('test.relationshipKeys', 'MATCH ()-[x]->() UNWIND keys(x) AS k RETURN type(x) AS type, collect(DISTINCT k) AS keys ORDER BY type'),
    );
    const problems: string[] = [];
    for (const row of rows) {
      const type = String(row.type);
      const kinds = RELATIONSHIPS[type];
      if (!kinds) {
        problems.push(`${type}: carries ${JSON.stringify(row.keys)} but no kind is declared on it`);
        continue;
      }
      const declared = new Set(kinds.flatMap((k) => [...storedNamesOf(k)]));
      for (const key of row.keys as string[]) if (!declared.has(key)) problems.push(`${type}.${key}: not declared`);
    }
    expect(rows.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

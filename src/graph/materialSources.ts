/**
 * Materials are shared by every source: the curated seed and external datasets write the same Material
 * node (same composition key). Each source keeps its view in its own properties (`seed*`, `obelix*`, `liverpool*`);
 * the public properties are derived from them by one rule, so the graph is the same whatever order the
 * sources were loaded in, and a source that is reloaded or removed takes exactly its own view with it.
 *
 * Which properties a source keeps, their copies' names and each property's rule (the curated seed over
 * datasets for name, formula and family; reported formulas and families the union, seed first) are
 * declared once, with the properties (domain/model/material.kind.ts `keptPerSource`); the statements here
 * derive from the declaration.
 */
import { MATERIAL, MATERIAL_SOURCE_MARKERS, type MaterialDatasetView } from '../domain/model/material.kind.js';
import { cypher, type NamedQuery } from './database.js';
import { refreshFromSources, sourceCopies, sourceCopyName } from './nodeKinds.js';

type MaterialSource = keyof typeof MATERIAL_SOURCE_MARKERS;

/** The copy whose presence marks the materials `source` describes (`seedKind`, `obelixFormula`). */
const marker = (source: MaterialSource) => sourceCopyName(MATERIAL, source, MATERIAL_SOURCE_MARKERS[source]);

/** Derives the public properties of the given materials from their per-source properties (each property's rule). */
export const REFRESH_MATERIALS = cypher(
  'materials.refreshDerived',
  `
MATCH (m:Material) WHERE m.id IN $ids
SET ${refreshFromSources(MATERIAL, 'm')}
RETURN count(m) AS n`,
);

/** Removes a source's view (every copy it keeps) from the materials it no longer describes; returns their ids. */
function clearView(source: MaterialSource) {
  const name = source[0]!.toUpperCase() + source.slice(1);
  return cypher(
    `materials.clear${name}View`,
    `
MATCH (m:Material) WHERE m.${marker(source)} IS NOT NULL AND NOT m.id IN $keep
REMOVE ${sourceCopies(MATERIAL, source)
      .map((p) => `m.${p}`)
      .join(', ')}
RETURN collect(m.id) AS ids`,
  );
}

/** Removes OBELiX's view from materials it no longer describes; returns their ids. */
export const CLEAR_OBELIX_VIEW = clearView('obelix');

/** Removes the Liverpool Ionics Dataset's view from materials it no longer describes; returns their ids. */
export const CLEAR_LIVERPOOL_VIEW = clearView('liverpool');

/** Removes the Laskowski et al. table's view from materials it no longer describes; returns their ids. */
export const CLEAR_LASKOWSKI_VIEW = clearView('laskowski');

/** Each dataset's statement removing its view from the materials it no longer describes. */
export const CLEAR_DATASET_VIEW: Readonly<Record<MaterialDatasetView, typeof CLEAR_OBELIX_VIEW>> = {
  obelix: CLEAR_OBELIX_VIEW,
  liverpool: CLEAR_LIVERPOOL_VIEW,
  laskowski: CLEAR_LASKOWSKI_VIEW,
};

/** Removes the seed's view from materials it no longer describes; returns their ids. */
export const CLEAR_SEED_VIEW = clearView('seed');

/**
 * For each dataset: which of the given materials (`$ids`) another source (the seed, another dataset) also
 * describes; returns their ids.
 */
export const DESCRIBED_BY_OTHER_SOURCES: Readonly<Record<MaterialDatasetView, NamedQuery>> = {
  obelix: describedByOthers('obelix'),
  liverpool: describedByOthers('liverpool'),
  laskowski: describedByOthers('laskowski'),
};

/**
 * For each dataset view: how many materials carry the view without a measurement of dataset `$datasetId`
 * (another dataset holds the view: importing `$datasetId` with it would overwrite that dataset's copies).
 */
export const VIEW_HELD_BY_OTHER_DATASETS: Readonly<Record<MaterialDatasetView, NamedQuery>> = {
  obelix: viewHeldByOthers('obelix'),
  liverpool: viewHeldByOthers('liverpool'),
  laskowski: viewHeldByOthers('laskowski'),
};

function viewHeldByOthers(view: MaterialDatasetView): NamedQuery {
  return cypher(
    `materials.viewHeldByOthers.${view}`,
    `
MATCH (m:Material) WHERE m.${marker(view)} IS NOT NULL
  AND NOT EXISTS { (m)-[:HAS_MEASUREMENT]->(:Measurement)-[:FROM_DATASET]->(:Dataset {id: $datasetId}) }
RETURN count(m) AS n`,
  );
}

function describedByOthers(view: MaterialDatasetView): NamedQuery {
  const others = (Object.keys(MATERIAL_SOURCE_MARKERS) as MaterialSource[]).filter((s) => s !== view);
  return cypher(
    `materials.describedByOthersThan.${view}`,
    `
UNWIND $ids AS id
MATCH (m:Material {id: id}) WHERE ${others.map((s) => `m.${marker(s)} IS NOT NULL`).join(' OR ')}
RETURN collect(m.id) AS ids`,
  );
}

/**
 * Publications that nothing refers to (but those added through the API: `addedBy`), and materials that nothing refers to and no source describes any
 * more, are deleted (a material the seed's registry defines stays even when no fact uses it).
 */
export const REMOVE_ORPHANS = cypher(
  'graph.removeOrphans',
  `
MATCH (n) WHERE ((n:Publication AND n.addedBy IS NULL) OR (n:Material AND ${(Object.keys(MATERIAL_SOURCE_MARKERS) as MaterialSource[]).map((s) => `n.${marker(s)} IS NULL`).join(' AND ')})) AND NOT (n)--()
DELETE n
RETURN count(*) AS n`,
);

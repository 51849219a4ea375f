/**
 * Conductivity map: ionic conductivity (S/cm, log scale) of each reported value against the activation
 * energy (eV) of its material (Material.conductivityAt at 298.15 K: fitted through the material's
 * temperature-resolved reports, or the median reported Ea), or against the measurement temperature (K).
 * Coloured and shaped by structural family. One request per 1,000 rows: `measurements` with every filter,
 * beside `materials` with the same filters, for their activation energies.
 */
import { exportUrl, gql } from '../api.js';
import { drawChart, OKABE_ITO, SYMBOLS } from '../charts.js';
import { dataTable, esc, exportBar, filterBar, fmt, h, provenanceCell, whereRead, whoReported } from '../dom.js';
import { MEASUREMENT_ROW, type MeasurementRow } from '../rows.js';
import { familyLabel, words, type Rendered, type View, type ViewContext } from '../view.js';
import { CHEMICAL_CLASSES, MOBILE_IONS, structuralFamilies } from '../vocabulary.js';

const QUERY = `query ConductivityMap($materials: MaterialWhere, $measurements: MeasurementWhere, $after: String, $afterMaterials: String, $withMaterials: Boolean!, $withMeasurements: Boolean!) {
  materials(first: 1000, after: $afterMaterials, where: $materials) @include(if: $withMaterials) {
    pageInfo { hasNextPage endCursor }
    edges { node { id name family chemicalClass conductivityAt(temperature: 298.15) { status activationEnergyEv } } }
  }
  measurements(first: 1000, after: $after, where: $measurements) @include(if: $withMeasurements) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { ${MEASUREMENT_ROW} } }
  }
}`;

export interface MaterialRow {
  id: string;
  name: string;
  family: string | null;
  chemicalClass: string | null;
  conductivityAt: { status: string; activationEnergyEv: number | null } | null;
}
interface Answer {
  materials?: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: MaterialRow }[] };
  measurements?: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: MeasurementRow }[] };
}

/**
 * The API arguments the URL parameters set: the measurements filter (the list the chart draws and the
 * export downloads) and the materials filter (the same materials, for their activation energies).
 */
export function conductivityFilters(p: Record<string, string>): { materials: Record<string, unknown>; measurements: Record<string, unknown> } {
  const ofMeasurement: Record<string, unknown> = { property: 'IONIC_CONDUCTIVITY' };
  if (p.source) ofMeasurement.source = p.source;
  if (p.temperatureMin || p.temperatureMax) {
    ofMeasurement.temperature = { unit: '°C', ...(p.temperatureMin ? { min: Number(p.temperatureMin) } : {}), ...(p.temperatureMax ? { max: Number(p.temperatureMax) } : {}) };
  }
  const ofMaterial: Record<string, unknown> = {};
  if (p.family) ofMaterial.family = p.family;
  if (p.chemicalClass) ofMaterial.chemicalClass = p.chemicalClass;
  if (p.mobileIon) ofMaterial.mobileIon = p.mobileIon;
  return { measurements: { ...ofMeasurement, ...ofMaterial }, materials: { ...ofMaterial, hasMeasurement: ofMeasurement } };
}

export interface Point {
  m: MeasurementRow;
  material: MaterialRow;
  x: number;
}

/** The points drawn: point values (bounds and ranges are not points) of the selected materials with an x. */
export function conductivityPoints(materials: MaterialRow[], measurements: MeasurementRow[], axis: string): Point[] {
  const byId = new Map(materials.map((m) => [m.id, m]));
  const points: Point[] = [];
  for (const m of measurements) {
    const material = m.material ? byId.get(m.material.id) : undefined;
    if (!material || m.value === null || m.value <= 0) continue;
    const x = axis === 'temperature' ? m.temperatureK : material.conductivityAt?.activationEnergyEv ?? null;
    if (x === null || x === undefined) continue;
    points.push({ m, material, x });
  }
  return points;
}

/** Both lists page by page in the same requests (1,000 of each per request), until neither has a next page. */
async function load(ctx: ViewContext): Promise<{ materials: MaterialRow[]; measurements: MeasurementRow[]; total: number }> {
  const f = conductivityFilters(ctx.params);
  const measurements: MeasurementRow[] = [];
  const materials: MaterialRow[] = [];
  const next = { measurements: true, materials: true, after: null as string | null, afterMaterials: null as string | null };
  let total = 0;
  while (next.measurements || next.materials) {
    const d: Answer = await gql<Answer>(
      QUERY,
      { materials: f.materials, measurements: f.measurements, after: next.after, afterMaterials: next.afterMaterials, withMaterials: next.materials, withMeasurements: next.measurements },
      ctx.signal,
    );
    if (d.materials) {
      materials.push(...d.materials.edges.map((e) => e.node));
      next.materials = d.materials.pageInfo.hasNextPage;
      next.afterMaterials = d.materials.pageInfo.endCursor;
    }
    if (d.measurements) {
      measurements.push(...d.measurements.edges.map((e) => e.node));
      total = d.measurements.totalCount;
      next.measurements = d.measurements.pageInfo.hasNextPage;
      next.after = d.measurements.pageInfo.endCursor;
    }
  }
  return { materials, measurements, total };
}

function tooltip(p: Point): string {
  const m = p.m;
  const t = m.temperatureK !== null ? `${fmt(m.temperatureK, 4)} K (${fmt(m.temperatureK - 273.15, 3)} °C)` : m.temperatureText ?? 'temperature not stated';
  return [
    `<b>${esc(p.material.name)}</b> · ${esc(familyLabel(p.material.family))}`,
    `σ = ${esc(m.printedValue)} ${esc(m.printedUnit ?? '')} (${fmt(m.value)} S/cm)`,
    `T: ${esc(t)}${m.sampleForm ? ` · ${esc(m.sampleForm)}` : ''}${m.contribution ? ` · ${esc(words(m.contribution))}` : ''}`,
    `Ea of the material: ${fmt(p.material.conductivityAt?.activationEnergyEv)} eV (${esc(words(p.material.conductivityAt?.status))})`,
    `Reported in: ${esc(whoReported(m.publication))}`,
    `Read in: ${esc(whereRead(m.source))}`,
    '<i>click: material page</i>',
  ].join('<br>');
}

async function render(ctx: ViewContext): Promise<Rendered> {
  const axis = ctx.params.x === 'temperature' ? 'temperature' : 'ea';
  const families = await structuralFamilies();
  ctx.root.append(
    filterBar(
      ctx.params,
      [
        { name: 'family', label: 'Structural family', type: 'select', options: families, maps: 'measurements(where: {family})' },
        { name: 'chemicalClass', label: 'Chemical class', type: 'select', options: CHEMICAL_CLASSES.map((c) => [c, words(c)]), maps: 'measurements(where: {chemicalClass})' },
        { name: 'mobileIon', label: 'Mobile ion', type: 'select', options: MOBILE_IONS.map((i) => [i, i]), maps: 'measurements(where: {mobileIon})' },
        { name: 'temperatureMin', label: 'T from (°C)', type: 'number', placeholder: 'e.g. 20', maps: 'measurements(where: {temperature: {min, unit: "°C"}})' },
        { name: 'temperatureMax', label: 'T to (°C)', type: 'number', placeholder: 'e.g. 30', maps: 'measurements(where: {temperature: {max, unit: "°C"}})' },
        { name: 'source', label: 'Source', type: 'select', options: [['REVIEW', 'Reviews'], ['DATASET', 'Datasets'], ['CURATED', 'Added through the API']], maps: 'measurements(where: {source})' },
        { name: 'x', label: 'x axis', type: 'select', options: [['ea', 'Activation energy (eV)'], ['temperature', 'Temperature (K)']], maps: 'chart axis' },
      ],
      ctx.set,
    ),
  );
  const { materials, measurements, total } = await load(ctx);
  const points = conductivityPoints(materials, measurements, axis);
  // with a family filter every point is of that family (any source placing it there), whatever its main family
  const familyOf = (p: Point) => ctx.params.family ?? p.material.family ?? 'no family';
  const families_ = [...new Set(points.map(familyOf))].sort();
  const series = families_.map((fam, i) => ({
    name: familyLabel(fam === 'no family' ? null : fam),
    type: 'scatter',
    symbol: SYMBOLS[i % SYMBOLS.length],
    symbolSize: 9,
    itemStyle: { color: OKABE_ITO[i % OKABE_ITO.length], opacity: 0.85, borderColor: '#222', borderWidth: 0.5 },
    data: points.filter((p) => familyOf(p) === fam).map((p) => ({ value: [p.x, p.m.value], point: p })),
  }));
  const el = h('div', { class: 'chart', id: 'chart-conductivity' });
  const left = measurements.length - points.length;
  ctx.root.append(
    h('p', { class: 'summary', 'aria-live': 'polite' }, `${points.length} reported conductivities of ${new Set(points.map((p) => p.material.id)).size} materials drawn; ${left} of the ${total} matching reports not drawn (bounds or ranges, or ${axis === 'ea' ? 'no activation energy for the material' : 'no stated temperature'}).`),
    el,
  );
  const xName = axis === 'ea' ? 'Activation energy Ea (eV)' : 'Temperature T (K)';
  const chart = drawChart(
    el,
    {
      legend: { type: 'scroll', top: 0 },
      grid: { left: 70, right: 24, top: 40, bottom: 60 },
      tooltip: { trigger: 'item', formatter: (p: { data: { point: Point } }) => tooltip(p.data.point) },
      xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 30, scale: true },
      yAxis: { type: 'log', name: 'Ionic conductivity σ (S/cm)', nameLocation: 'middle', nameGap: 55, axisLabel: { formatter: (v: number) => v.toExponential(0) } },
      series,
    },
    `Ionic conductivity against ${xName}, ${points.length} points coloured by structural family`,
  );
  chart.on('click', (e) => {
    const id = (e.data as { point?: Point } | null)?.point?.material.id;
    if (id) ctx.open('material', { id });
  });
  const where = conductivityFilters(ctx.params).measurements;
  ctx.root.append(
    exportBar([
      { label: 'CSV with provenance', href: exportUrl('measurements', 'csv', where) },
      { label: 'BibTeX', href: exportUrl('measurements', 'bib', where) },
    ]),
    dataTable(
      'reported ionic conductivities drawn',
      [
        { label: 'Material', cell: (p: Point) => h('a', { href: `?view=material&id=${encodeURIComponent(p.material.id)}` }, p.material.name) },
        { label: 'σ as printed', cell: (p) => `${p.m.printedValue} ${p.m.printedUnit ?? ''}` },
        { label: 'σ (S/cm)', cell: (p) => fmt(p.m.value) },
        { label: axis === 'ea' ? 'Ea (eV)' : 'T (K)', cell: (p) => fmt(p.x, 4) },
        { label: 'Family', cell: (p) => familyLabel(p.material.family) },
        { label: 'Reported in / read in', cell: (p) => provenanceCell(p.m.source, p.m.publication) },
      ],
      points,
    ),
  );
  return { points: points.length };
}

export const conductivityView: View = { name: 'conductivity', title: 'Conductivity map', render };

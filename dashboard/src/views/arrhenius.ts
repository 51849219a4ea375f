/**
 * Arrhenius plot of one material: its reported ionic conductivities (S/cm, log scale) against 1000/T
 * (1/K), with the line of Material.conductivityAt (fitted by least squares on 1/T, or anchored on the
 * median reported activation energy), its form (σ·T = A·exp(−Ea/(k_B·T)) or σ = A·exp(−Ea/(k_B·T))) and
 * Ea. One request: the material with its estimate and points, and the materials that have an estimate
 * (for the picker).
 */
import { exportUrl, gql } from '../api.js';
import { drawChart } from '../charts.js';
import { dataTable, esc, exportBar, filterBar, fmt, h, provenanceCell, whereRead, whoReported } from '../dom.js';
import { words, type Rendered, type View, type ViewContext } from '../view.js';
import { MEASUREMENT_ROW, type MeasurementRow } from '../rows.js';

/** Boltzmann constant, eV/K (CODATA 2018, doi:10.1103/RevModPhys.93.025010). */
export const K_B_EV_PER_K = 8.617333262e-5;

const QUERY = `query Arrhenius($id: ID!, $form: ArrheniusForm!, $withMaterial: Boolean!, $withCandidates: Boolean!) {
  candidates: materials(first: 1000, where: { hasMeasurement: { property: IONIC_CONDUCTIVITY } }) @include(if: $withCandidates) {
    edges { node { id name conductivityAt(temperature: 298.15) { status pointCount } } }
  }
  material(id: $id) @include(if: $withMaterial) {
    id name
    conductivityAt(temperature: 298.15, form: $form) {
      status formula form activationEnergyEv activationEnergyUncertaintyEv prefactor prefactorUnit minK maxK pointCount reason
      points { ${MEASUREMENT_ROW} }
      reportedActivationEnergies { id value printedValue publication { doi } }
    }
  }
}`;

interface Estimate {
  status: string;
  formula: string;
  form: 'SIGMA_T' | 'SIGMA';
  activationEnergyEv: number | null;
  activationEnergyUncertaintyEv: number | null;
  prefactor: number | null;
  prefactorUnit: string;
  minK: number | null;
  maxK: number | null;
  pointCount: number;
  reason: string | null;
  points: MeasurementRow[];
  reportedActivationEnergies: { id: string; value: number | null; printedValue: string; publication: { doi: string | null } | null }[];
}
interface Answer {
  candidates?: { edges: { node: { id: string; name: string; conductivityAt: { status: string; pointCount: number } | null } }[] };
  material?: { id: string; name: string; conductivityAt: Estimate | null } | null;
}

/** σ on the line at temperature T (K): A·exp(−Ea/(k_B·T)), divided by T for the σ·T form. */
export function lineConductivity(e: Pick<Estimate, 'form' | 'prefactor' | 'activationEnergyEv'>, temperatureK: number): number | null {
  if (e.prefactor === null || e.activationEnergyEv === null) return null;
  const s = e.prefactor * Math.exp(-e.activationEnergyEv / (K_B_EV_PER_K * temperatureK));
  return e.form === 'SIGMA_T' ? s / temperatureK : s;
}

function linePoints(e: Estimate): [number, number][] {
  const temps = e.points.map((p) => p.temperatureK).filter((t): t is number => t !== null);
  const lo = Math.min(e.minK ?? Infinity, ...temps, 298.15);
  const hi = Math.max(e.maxK ?? -Infinity, ...temps, 298.15);
  const out: [number, number][] = [];
  for (let i = 0; i <= 24; i += 1) {
    const inv = 1000 / hi + ((1000 / lo - 1000 / hi) * i) / 24;
    const s = lineConductivity(e, 1000 / inv);
    if (s !== null && s > 0) out.push([inv, s]);
  }
  return out;
}

/** The materials with an estimate, read once per page (again on a live redraw): the picker's options. */
let candidates: Answer['candidates'] | undefined;

async function render(ctx: ViewContext): Promise<Rendered> {
  const form = ctx.params.form === 'SIGMA' ? 'SIGMA' : 'SIGMA_T';
  const id = ctx.params.material ?? '';
  const d = await gql<Answer>(QUERY, { id: id || 'none', form, withMaterial: id !== '', withCandidates: ctx.live || !candidates }, ctx.signal);
  if (d.candidates) candidates = d.candidates;
  // materials with an estimate, those with the most points first
  const fitted = candidates!.edges
    .map((e) => e.node)
    .filter((m) => m.conductivityAt && m.conductivityAt.status !== 'INSUFFICIENT_DATA')
    .sort((a, b) => b.conductivityAt!.pointCount - a.conductivityAt!.pointCount || a.name.localeCompare(b.name));
  if (!id && fitted[0]) {
    ctx.set({ material: fitted[0].id }, true);
    return { points: 0 };
  }
  ctx.root.append(
    filterBar(
      { ...ctx.params, form },
      [
        { name: 'material', label: 'Material', type: 'select', options: fitted.map((m) => [m.id, `${m.name} (${words(m.conductivityAt?.status)}, ${m.conductivityAt?.pointCount} points)`]), maps: 'material(id:)' },
        { name: 'form', label: 'Law', type: 'select', options: [['SIGMA_T', 'σ·T = A·exp(−Ea/kT)'], ['SIGMA', 'σ = A·exp(−Ea/kT)']], maps: 'conductivityAt(form:)' },
      ],
      ctx.set,
    ),
    h('p', { class: 'muted' }, `${fitted.length} materials have enough reports for an estimate; any other material's page links here too.`),
  );
  const e = d.material?.conductivityAt;
  if (!d.material || !e) {
    ctx.root.append(h('p', { class: 'error', role: 'alert' }, id ? `No material has the id '${id}'.` : 'No material has temperature-resolved conductivities yet.'));
    return { points: 0 };
  }
  const points = e.points.filter((p) => p.value !== null && p.value > 0 && p.temperatureK !== null);
  const ea = e.activationEnergyEv === null ? 'no Ea' : `Ea = ${fmt(e.activationEnergyEv)}${e.activationEnergyUncertaintyEv !== null ? ` ± ${fmt(e.activationEnergyUncertaintyEv, 2)}` : ''} eV`;
  ctx.root.append(h('h2', {}, d.material.name), h('p', { class: 'summary' }, `${e.formula} · ${ea} · A = ${fmt(e.prefactor)} ${e.prefactorUnit} · ${words(e.status)}${e.reason ? ` (${e.reason})` : ''} · ${points.length} points`));
  const el = h('div', { class: 'chart', id: 'chart-arrhenius' });
  ctx.root.append(el);
  drawChart(
    el,
    {
      legend: { top: 0 },
      grid: { left: 70, right: 24, top: 40, bottom: 60 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesIndex: number; data: { m?: MeasurementRow; value: [number, number] } }) => {
          const m = p.data.m;
          if (!m) return `line: σ = ${fmt(p.data.value[1])} S/cm at ${fmt(1000 / p.data.value[0], 4)} K`;
          return `σ = ${esc(m.printedValue)} ${esc(m.printedUnit ?? '')} at ${fmt(m.temperatureK, 4)} K<br>Reported in: ${esc(whoReported(m.publication))}<br>Read in: ${esc(whereRead(m.source))}`;
        },
      },
      xAxis: { type: 'value', name: '1000/T (1/K)', nameLocation: 'middle', nameGap: 30, scale: true },
      yAxis: { type: 'log', name: 'Ionic conductivity σ (S/cm)', nameLocation: 'middle', nameGap: 55, axisLabel: { formatter: (v: number) => v.toExponential(0) } },
      series: [
        { name: 'Reported', type: 'scatter', symbolSize: 10, data: points.map((m) => ({ value: [1000 / m.temperatureK!, m.value], m })) },
        { name: `${words(e.status)}: ${ea}`, type: 'line', showSymbol: false, data: linePoints(e).map((v) => ({ value: v })), lineStyle: { type: e.status === 'FITTED' ? 'solid' : 'dashed', width: 2 } },
      ],
    },
    `Arrhenius plot of ${d.material.name}: ${points.length} reported conductivities against 1000/T with the ${words(e.status)} line, ${ea}`,
  );
  ctx.root.append(
    exportBar([
      { label: 'CSV with provenance', href: exportUrl('measurements', 'csv', { material: d.material.id, property: 'IONIC_CONDUCTIVITY' }) },
      { label: 'BibTeX', href: exportUrl('measurements', 'bib', { material: d.material.id, property: 'IONIC_CONDUCTIVITY' }) },
    ]),
    dataTable(
      'the points of the plot',
      [
        { label: 'T (K)', cell: (m: MeasurementRow) => fmt(m.temperatureK, 5) },
        { label: '1000/T (1/K)', cell: (m) => fmt(1000 / m.temperatureK!, 4) },
        { label: 'σ as printed', cell: (m) => `${m.printedValue} ${m.printedUnit ?? ''}` },
        { label: 'σ (S/cm)', cell: (m) => fmt(m.value) },
        { label: 'Reported in / read in', cell: (m) => provenanceCell(m.source, m.publication) },
      ],
      points,
    ),
    h('p', { class: 'muted' }, `Reported activation energies: ${e.reportedActivationEnergies.map((r) => `${fmt(r.value)} eV (printed ${r.printedValue}; ${r.id})`).join(', ') || 'none'}.`),
  );
  return { points: points.length };
}

export const arrheniusView: View = { name: 'arrhenius', title: 'Arrhenius plot', render };

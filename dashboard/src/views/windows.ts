/**
 * Electrochemical stability windows as bars, one row per reported window (V vs Li/Li+): the reported
 * window (reduction to oxidation limit) beside the window computed for the material's composition from
 * DFT phase data (Material.stabilityWindow, Zhu, He & Mo 2015, doi:10.1021/acsami.5b07517), with the
 * operating potentials of Li metal and common cathodes drawn across them. One request.
 */
import { exportUrl, gql } from '../api.js';
import { drawChart, OKABE_ITO } from '../charts.js';
import { dataTable, exportBar, filterBar, fmt, h, provenanceCell, esc, whoReported, whereRead } from '../dom.js';
import { OPERATING_POTENTIALS } from '../electrodes.js';
import { PROVENANCE, type PublicationRow, type SourceRow } from '../rows.js';
import { words, type Rendered, type View, type ViewContext } from '../view.js';
import { REVIEWS, structuralFamilies } from '../vocabulary.js';

const QUERY = `query StabilityWindows($where: ReportedStabilityWindowWhere, $after: String) {
  reportedStabilityWindows(first: 100, after: $after, where: $where) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id scale method methodText
      reductionLimit { text quantity { value min max qualifier unit printedValue } }
      oxidationLimit { text quantity { value min max qualifier unit printedValue } }
      material { id name stabilityWindow { status reductionLimitV oxidationLimitV reason } }
      ${PROVENANCE} } }
  }
}`;

interface Limit {
  text: string | null;
  quantity: { value: number | null; min: number | null; max: number | null; qualifier: string; unit: string; printedValue: string } | null;
}
export interface WindowRow {
  id: string;
  scale: string;
  method: string;
  methodText: string | null;
  reductionLimit: Limit | null;
  oxidationLimit: Limit | null;
  material: { id: string; name: string; stabilityWindow: { status: string; reductionLimitV: number | null; oxidationLimitV: number | null; reason: string | null } | null } | null;
  source: SourceRow;
  publication: PublicationRow | null;
}

/** The API filter the URL parameters set. */
export function windowFilter(p: Record<string, string>): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (p.family) where.family = p.family;
  if (p.review) where.review = p.review;
  if (p.computed) where.computed = p.computed === 'true';
  return where;
}

/** A limit as a number, V: its value, else the bound it states (≥ or ≤), else the low end of a range; null when qualitative. */
export function limitVolts(l: Limit | null): number | null {
  const q = l?.quantity;
  if (!q) return null;
  return q.value ?? q.min ?? q.max ?? null;
}

/** The rows drawn: windows vs Li/Li+ with at least one limit a number. */
export function drawnWindows(rows: WindowRow[]): WindowRow[] {
  return rows.filter((r) => r.scale === 'LI' && (limitVolts(r.reductionLimit) !== null || limitVolts(r.oxidationLimit) !== null));
}

/** Marks drawn: a bar per reported window with both limits, a marker per lone limit, a bar per computed window beside them. */
export function windowMarkCount(rows: WindowRow[]): number {
  return rows.length + rows.filter((r) => computedOf(r) !== null).length;
}

function computedOf(r: WindowRow): [number, number] | null {
  const w = r.material?.stabilityWindow;
  return w && w.status === 'COMPUTED' && w.reductionLimitV !== null && w.oxidationLimitV !== null ? [w.reductionLimitV, w.oxidationLimitV] : null;
}

type Page = { reportedStabilityWindows: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: WindowRow }[] } };

/** Every reported window the filter selects, 100 per request (each computes its material's window). */
async function loadWindows(ctx: ViewContext, where: Record<string, unknown>): Promise<{ all: WindowRow[]; total: number }> {
  const all: WindowRow[] = [];
  let after: string | null = null;
  for (;;) {
    const d: Page = await gql<Page>(QUERY, { where, after }, ctx.signal);
    all.push(...d.reportedStabilityWindows.edges.map((e) => e.node));
    if (!d.reportedStabilityWindows.pageInfo.hasNextPage) return { all, total: d.reportedStabilityWindows.totalCount };
    after = d.reportedStabilityWindows.pageInfo.endCursor;
  }
}

async function render(ctx: ViewContext): Promise<Rendered> {
  const families = await structuralFamilies();
  ctx.root.append(
    filterBar(
      ctx.params,
      [
        { name: 'family', label: 'Structural family', type: 'select', options: families, maps: 'reportedStabilityWindows(where: {family})' },
        { name: 'review', label: 'Review', type: 'select', options: REVIEWS.map((r) => [r, r]), maps: 'reportedStabilityWindows(where: {review})' },
        { name: 'computed', label: 'Reported method', type: 'select', options: [['false', 'Measured'], ['true', 'Computed in the paper']], maps: 'reportedStabilityWindows(where: {computed})' },
      ],
      ctx.set,
    ),
  );
  const where = windowFilter(ctx.params);
  const { all, total } = await loadWindows(ctx, where);
  const rows = drawnWindows(all);
  const labels = rows.map((r) => `${r.material?.name ?? 'family-level'} · ${r.id}`);
  const bar = (name: string, color: string, ranges: ([number, number] | null)[], data: WindowRow[]) => [
    { name: `${name} base`, type: 'bar', stack: name, silent: true, itemStyle: { color: 'transparent' }, data: ranges.map((r) => (r ? r[0] : '-')), tooltip: { show: false } },
    { name, type: 'bar', stack: name, itemStyle: { color }, barMaxWidth: 10, data: ranges.map((r, i) => (r ? { value: r[1] - r[0], row: data[i], range: r } : '-')) },
  ];
  const both = rows.map((r) => {
    const lo = limitVolts(r.reductionLimit);
    const hi = limitVolts(r.oxidationLimit);
    return lo !== null && hi !== null ? ([lo, hi] as [number, number]) : null;
  });
  const lone = (which: 'reductionLimit' | 'oxidationLimit') =>
    rows.flatMap((r, i) => (both[i] === null && limitVolts(r[which]) !== null ? [{ value: [limitVolts(r[which]), i], row: r, range: [limitVolts(r[which]), limitVolts(r[which])] }] : []));
  const computed = rows.map(computedOf);
  const el = h('div', { class: 'chart tall', id: 'chart-windows', style: `height:${Math.max(420, rows.length * 26 + 120)}px` });
  const bars = windowMarkCount(rows);
  ctx.root.append(h('p', { class: 'summary' }, `${rows.length} reported windows vs Li/Li+ drawn (${bars} marks with the computed windows); ${all.length - rows.length} of ${total} not drawn (qualitative limits only, or another reference scale). A bound (≤, ≥) is drawn at its bound.`), el);
  drawChart(
    el,
    {
      legend: { top: 0, data: ['Reported', 'Reported reduction limit only', 'Reported oxidation limit only', 'Computed (DFT phase data)'] },
      grid: { left: 190, right: 40, top: 40, bottom: 50 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; data: { row: WindowRow; range: [number, number] } }) => {
          const r = p.data.row;
          const [lo, hi] = p.data.range;
          return `<b>${esc(r.material?.name)}</b> · ${esc(p.seriesName)}<br>${fmt(lo)}–${fmt(hi)} V vs Li/Li+<br>Method: ${esc(r.methodText ?? words(r.method))}<br>Reported in: ${esc(whoReported(r.publication))}<br>Read in: ${esc(whereRead(r.source))}`;
        },
      },
      xAxis: { type: 'value', name: 'Potential (V vs Li/Li+)', nameLocation: 'middle', nameGap: 28, min: 0, max: (v: { max: number }) => Math.max(6, Math.ceil(v.max)) },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        ...bar('Reported', OKABE_ITO[0]!, both, rows),
        { name: 'Reported reduction limit only', type: 'scatter', symbol: 'triangle', symbolRotate: -90, symbolSize: 12, itemStyle: { color: OKABE_ITO[0] }, data: lone('reductionLimit') },
        { name: 'Reported oxidation limit only', type: 'scatter', symbol: 'triangle', symbolRotate: 90, symbolSize: 12, itemStyle: { color: OKABE_ITO[5] }, data: lone('oxidationLimit') },
        ...bar('Computed (DFT phase data)', OKABE_ITO[1]!, computed, rows),
        {
          name: 'Operating potentials',
          type: 'line',
          data: [],
          markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#333' }, label: { formatter: '{b}', position: 'end', fontSize: 10 }, data: OPERATING_POTENTIALS.map((o) => ({ name: o.label, xAxis: o.volts })) },
        },
      ],
    },
    `Stability windows of ${rows.length} electrolytes, reported and computed, against the potentials of Li metal and common cathodes`,
  );
  ctx.root.append(
    h('p', { class: 'muted' }, 'Operating potentials: ', ...OPERATING_POTENTIALS.map((o) => `${o.label}${o.doi ? ` (doi:${o.doi})` : ''}; `)),
    exportBar([
      { label: 'CSV with provenance', href: exportUrl('reportedStabilityWindows', 'csv', where) },
      { label: 'BibTeX', href: exportUrl('reportedStabilityWindows', 'bib', where) },
    ]),
    dataTable(
      'stability windows',
      [
        { label: 'Electrolyte', cell: (r: WindowRow) => (r.material ? h('a', { href: `?view=material&id=${encodeURIComponent(r.material.id)}` }, r.material.name) : '—') },
        { label: 'Reported (V vs Li/Li+)', cell: (r) => `${r.reductionLimit?.quantity?.printedValue ?? r.reductionLimit?.text ?? '?'} – ${r.oxidationLimit?.quantity?.printedValue ?? r.oxidationLimit?.text ?? '?'}` },
        { label: 'Computed (V)', cell: (r) => (computedOf(r) ? `${fmt(computedOf(r)![0])} – ${fmt(computedOf(r)![1])}` : r.material?.stabilityWindow?.reason ?? '—') },
        { label: 'Method', cell: (r) => r.methodText ?? words(r.method) },
        { label: 'Reported in / read in', cell: (r) => provenanceCell(r.source, r.publication) },
      ],
      all,
    ),
  );
  return { points: bars };
}

export const windowsView: View = { name: 'windows', title: 'Stability windows', render };

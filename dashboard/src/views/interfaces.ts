/**
 * Interface explorer: a matrix of solid electrolytes × counterpart materials, each cell an interface,
 * coloured by the computed reaction energy (eV/atom, ≤ 0) of Interface.prediction (at the electrode's
 * operating potential against an alkali metal or a cathode, else the most exothermic reaction with the
 * partner); grey where nothing could be computed. Selecting a cell shows the observed interphase
 * products, the claims with their evidence, and the predicted-vs-observed overlap. Requests: one per
 * page of 50 interfaces (the predictions are the expensive part), and one for the selected interface.
 */
import { exportUrl, gql } from '../api.js';
import { drawChart, VIRIDIS } from '../charts.js';
import { dataTable, esc, exportBar, filterBar, fmt, h, provenanceCell } from '../dom.js';
import { PROVENANCE, type PublicationRow, type SourceRow } from '../rows.js';
import { REVIEWS } from '../vocabulary.js';
import { words, type Rendered, type View, type ViewContext } from '../view.js';

const PAGE = `query InterfaceMatrix($where: InterfaceWhere, $after: String) {
  interfaces(first: 50, after: $after, where: $where) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id counterpartKind electrolyte { id name } counterpart { id name } observations { id }
      prediction { status electrodeClass jaccardIndex disagrees reaction { reactionEnergyEvPerAtom } } } }
  }
}`;

const DETAIL = `query InterfaceDetail($where: InterfaceWhere) {
  interfaces(first: 1, where: $where) {
    edges { node { id electrolyte { id name } counterpart { id name }
      observations { id interphaseType stabilityClass conditions productsText products { id name }
        evidence { technique text }
        ${PROVENANCE} }
      claims { id kind statement ${PROVENANCE} }
      prediction { status method electrodeClass electrodePotentialV referenceElectrode jaccardIndex disagrees disagreementReason reason
        common onlyObserved onlyPredicted predictedProducts { formula } reaction { reaction reactionEnergyEvPerAtom } } } }
  }
}`;

export interface Cell {
  id: string;
  counterpartKind: string;
  electrolyte: { id: string; name: string } | null;
  counterpart: { id: string; name: string } | null;
  observations: { id: string }[];
  prediction: { status: string; electrodeClass: string; jaccardIndex: number | null; disagrees: boolean; reaction: { reactionEnergyEvPerAtom: number } | null } | null;
}

/** The API filter the URL parameters set (counterparts are materials: the matrix has a column per material). */
export function interfaceFilter(p: Record<string, string>): Record<string, unknown> {
  const where: Record<string, unknown> = { counterpartKind: 'MATERIAL' };
  if (p.material) where.material = p.material;
  if (p.review) where.review = p.review;
  if (p.interphaseType) where.interphaseType = p.interphaseType;
  return where;
}

/** The same selection as interphase observations (for the export): the interfaces' filters on the observation list. */
export function observationFilter(p: Record<string, string>): Record<string, unknown> {
  const where: Record<string, unknown> = { counterpartKind: 'MATERIAL' };
  if (p.review) where.review = p.review;
  if (p.interphaseType) where.interphaseType = p.interphaseType;
  if (p.material) where.OR = [{ electrolyte: p.material }, { counterpart: p.material }];
  return where;
}

/** The cells drawn: interfaces with a named electrolyte and a counterpart material. */
export function matrixCells(all: Cell[]): Cell[] {
  return all.filter((c) => c.electrolyte && c.counterpart);
}

/** The materials of an axis by id, ordered by name; a name two materials share is followed by the id. */
function axisOf(materials: { id: string; name: string }[]): { ids: string[]; labels: string[] } {
  const names = new Map(materials.map((m) => [m.id, m.name]));
  const ids = [...names.keys()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!) || a.localeCompare(b));
  const count = new Map<string, number>();
  for (const id of ids) count.set(names.get(id)!, (count.get(names.get(id)!) ?? 0) + 1);
  return { ids, labels: ids.map((id) => (count.get(names.get(id)!)! > 1 ? `${names.get(id)} (${id})` : names.get(id)!)) };
}

function energyOf(c: Cell): number | null {
  return c.prediction?.status === 'COMPUTED' ? (c.prediction.reaction?.reactionEnergyEvPerAtom ?? 0) : null;
}

/** The matrices read during this page's life, by filter: selecting a cell reads only its detail (a live redraw reads again). */
const matrices = new Map<string, { cells: Cell[]; total: number }>();

async function loadCells(ctx: ViewContext, where: Record<string, unknown>): Promise<{ cells: Cell[]; total: number }> {
  const key = JSON.stringify(where);
  const cached = ctx.live ? undefined : matrices.get(key);
  if (cached) return cached;
  const read = await readCells(ctx, where);
  matrices.set(key, read);
  return read;
}

async function readCells(ctx: ViewContext, where: Record<string, unknown>): Promise<{ cells: Cell[]; total: number }> {
  const cells: Cell[] = [];
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const d: { interfaces: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Cell }[] } } = await gql(PAGE, { where, after }, ctx.signal);
    cells.push(...d.interfaces.edges.map((e) => e.node));
    total = d.interfaces.totalCount;
    if (!d.interfaces.pageInfo.hasNextPage) return { cells, total };
    after = d.interfaces.pageInfo.endCursor;
  }
}

async function render(ctx: ViewContext): Promise<Rendered> {
  ctx.root.append(
    filterBar(
      ctx.params,
      [
        { name: 'material', label: 'Material on either side', type: 'text', placeholder: 'e.g. LGPS, Li', maps: 'interfaces(where: {material})' },
        { name: 'review', label: 'Review', type: 'select', options: REVIEWS.map((r) => [r, r]), maps: 'interfaces(where: {review})' },
        { name: 'interphaseType', label: 'Interphase type', type: 'select', options: [['TYPE_1_STABLE', 'Type 1: stable'], ['TYPE_2_MIXED_CONDUCTING', 'Type 2: mixed conducting'], ['TYPE_3_PASSIVATING', 'Type 3: passivating'], ['UNSTABLE', 'Unstable'], ['KINETICALLY_STABILIZED', 'Kinetically stabilised'], ['ARTIFICIALLY_PROTECTED', 'Artificially protected'], ['THERMODYNAMICALLY_STABLE', 'Thermodynamically stable']], maps: 'interfaces(where: {interphaseType})' },
      ],
      ctx.set,
    ),
  );
  const where = interfaceFilter(ctx.params);
  const { cells: all, total } = await loadCells(ctx, where);
  const cells = matrixCells(all);
  const rows = axisOf(cells.map((c) => c.electrolyte!));
  const columns = axisOf(cells.map((c) => c.counterpart!));
  const electrolytes = rows.labels;
  const counterparts = columns.labels;
  const at = (c: Cell) => [columns.ids.indexOf(c.counterpart!.id), rows.ids.indexOf(c.electrolyte!.id)];
  const computed = cells.filter((c) => energyOf(c) !== null);
  const energies = computed.map((c) => energyOf(c)!);
  const el = h('div', { class: 'chart tall', id: 'chart-interfaces', style: `height:${Math.max(420, electrolytes.length * 22 + 170)}px` });
  ctx.root.append(h('p', { class: 'summary' }, `${cells.length} interfaces (${electrolytes.length} electrolytes × ${counterparts.length} counterparts), ${computed.length} with a computed reaction; ${total - cells.length} of ${total} not in the matrix (about a whole family). Select a cell for its interphases, claims and evidence.`), el);
  const chart = drawChart(
    el,
    {
      grid: { left: 160, right: 90, top: 20, bottom: 130 },
      tooltip: {
        formatter: (p: { data: { cell: Cell } }) => {
          const c = p.data.cell;
          const e = energyOf(c);
          return `<b>${esc(c.electrolyte?.name)} | ${esc(c.counterpart?.name)}</b><br>${c.observations.length} observations<br>Reaction energy: ${e === null ? 'not computed' : `${fmt(e)} eV/atom`}<br>Predicted vs observed (Jaccard): ${fmt(c.prediction?.jaccardIndex ?? null, 2)}${c.prediction?.disagrees ? '<br><b>computation and a report disagree</b>' : ''}`;
        },
      },
      xAxis: { type: 'category', data: counterparts, name: 'Counterpart', nameLocation: 'middle', nameGap: 110, axisLabel: { rotate: 50, width: 100, overflow: 'truncate' }, splitArea: { show: true } },
      yAxis: { type: 'category', data: electrolytes, name: 'Solid electrolyte', axisLabel: { width: 150, overflow: 'truncate' }, splitArea: { show: true } },
      visualMap: {
        type: 'continuous',
        seriesIndex: 0,
        min: Math.min(-0.5, ...energies),
        max: 0,
        calculable: true,
        orient: 'vertical',
        right: 0,
        top: 'center',
        text: ['0 eV/atom', 'reaction energy'],
        inRange: { color: VIRIDIS },
      },
      series: [
        { name: 'Reaction energy (eV/atom)', type: 'heatmap', data: computed.map((c) => ({ value: [...at(c), energyOf(c)], cell: c })), emphasis: { itemStyle: { borderColor: '#000', borderWidth: 2 } } },
        { name: 'Not computed', type: 'scatter', symbol: 'rect', symbolSize: 14, itemStyle: { color: '#bbbbbb', borderColor: '#666', borderWidth: 1 }, data: cells.filter((c) => energyOf(c) === null).map((c) => ({ value: at(c), cell: c })) },
      ],
    },
    `Interface matrix of ${electrolytes.length} solid electrolytes and ${counterparts.length} counterparts coloured by computed reaction energy`,
  );
  chart.on('click', (e) => {
    const c = (e.data as { cell?: Cell } | null)?.cell;
    if (c?.electrolyte && c.counterpart) ctx.set({ electrolyte: c.electrolyte.id, counterpart: c.counterpart.id });
  });
  const picker = h('label', { for: 'interface-picker' }, 'Interface (keyboard): ');
  const select = h('select', { id: 'interface-picker' }, h('option', { value: '' }, 'choose an interface'), ...cells.map((c) => h('option', { value: `${c.electrolyte!.id}|${c.counterpart!.id}`, selected: c.electrolyte!.id === ctx.params.electrolyte && c.counterpart!.id === ctx.params.counterpart }, `${c.electrolyte!.name} | ${c.counterpart!.name}`)));
  select.addEventListener('change', () => {
    const [electrolyte, counterpart] = select.value.split('|');
    ctx.set({ electrolyte, counterpart });
  });
  ctx.root.append(
    h('p', {}, picker, select),
    exportBar([
      { label: 'CSV with provenance', href: exportUrl('interphaseObservations', 'csv', observationFilter(ctx.params)) },
      { label: 'BibTeX', href: exportUrl('interphaseObservations', 'bib', observationFilter(ctx.params)) },
    ]),
  );
  if (ctx.params.electrolyte && ctx.params.counterpart) ctx.root.append(await detail(ctx));
  return { points: cells.length };
}

interface Detail {
  id: string;
  electrolyte: { id: string; name: string };
  counterpart: { id: string; name: string };
  observations: { id: string; interphaseType: string | null; stabilityClass: string | null; conditions: string | null; productsText: string | null; products: { id: string; name: string }[]; evidence: { technique: string; text: string | null }[]; source: SourceRow; publication: PublicationRow | null }[];
  claims: { id: string; kind: string; statement: string; source: SourceRow; publication: PublicationRow | null }[];
  prediction: { status: string; method: string; electrodeClass: string; electrodePotentialV: number | null; referenceElectrode: string | null; jaccardIndex: number | null; disagrees: boolean; disagreementReason: string | null; reason: string | null; common: string[]; onlyObserved: string[]; onlyPredicted: string[]; predictedProducts: { formula: string }[]; reaction: { reaction: string; reactionEnergyEvPerAtom: number } | null } | null;
}

async function detail(ctx: ViewContext): Promise<HTMLElement> {
  const d = await gql<{ interfaces: { edges: { node: Detail }[] } }>(DETAIL, { where: { electrolyte: ctx.params.electrolyte, counterpart: ctx.params.counterpart } }, ctx.signal);
  const i = d.interfaces.edges[0]?.node;
  if (!i) return h('p', { class: 'error', role: 'alert' }, 'No interface between these two materials.');
  const p = i.prediction;
  return h(
    'section',
    { class: 'detail', 'aria-label': 'Selected interface', id: 'interface-detail' },
    h('h2', {}, `${i.electrolyte.name} | ${i.counterpart.name}`),
    p
      ? h(
          'p',
          {},
          `Computed (${words(p.method)}, ${words(p.electrodeClass)}${p.electrodePotentialV !== null ? ` at ${fmt(p.electrodePotentialV)} V vs ${p.referenceElectrode ?? ''}` : ''}): `,
          p.reaction ? `${p.reaction.reaction} (${fmt(p.reaction.reactionEnergyEvPerAtom)} eV/atom). ` : p.reason ? `${p.reason}. ` : '',
          `Predicted: ${p.predictedProducts.map((x) => x.formula).join(', ') || 'none'}; both: ${p.common.join(', ') || 'none'}; only observed: ${p.onlyObserved.join(', ') || 'none'}; only predicted: ${p.onlyPredicted.join(', ') || 'none'}; Jaccard ${fmt(p.jaccardIndex, 2)}.`,
          p.disagrees ? h('strong', {}, ` Disagreement: ${p.disagreementReason ?? ''}`) : '',
        )
      : h('p', { class: 'muted' }, 'Nothing computed: a side has no composition.'),
    table2('Observed interphases', i.observations, [
      { label: 'Observation', cell: (o: Detail['observations'][number]) => o.id },
      { label: 'Products', cell: (o) => o.products.map((x) => x.name).join(', ') || o.productsText || '—' },
      { label: 'Type / stability', cell: (o) => `${words(o.interphaseType)} / ${words(o.stabilityClass)}` },
      { label: 'Evidence', cell: (o) => o.evidence.map((e) => e.technique + (e.text ? ` (${e.text})` : '')).join('; ') || '—' },
      { label: 'Conditions', cell: (o) => o.conditions ?? '—' },
      { label: 'Reported in / read in', cell: (o) => provenanceCell(o.source, o.publication) },
    ]),
    table2('Claims', i.claims, [
      { label: 'Claim', cell: (c: Detail['claims'][number]) => `${c.id} (${words(c.kind)})` },
      { label: 'Statement', cell: (c) => c.statement },
      { label: 'Reported in / read in', cell: (c) => provenanceCell(c.source, c.publication) },
    ]),
  );
}

/** A table shown open (the selection is what the user asked to see), or a line saying there is none. */
function table2<R>(caption: string, rows: R[], columns: { label: string; cell: (r: R) => Node | string }[]): HTMLElement {
  if (!rows.length) return h('p', { class: 'muted' }, `${caption}: none.`);
  const details = dataTable(caption, columns, rows) as HTMLDetailsElement;
  details.open = true;
  return details;
}

export const interfacesView: View = { name: 'interfaces', title: 'Interface explorer', render };

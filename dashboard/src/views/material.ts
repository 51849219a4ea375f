/**
 * A material's page: identity (names, formula, family, class, aliases, variants), every fact with both
 * levels of provenance (the original publication with its DOI, and where we read it: review and line, or
 * dataset and record), the consensus of its conductivity and activation energy, and its computed
 * properties (stability window from DFT phase data, conductivity at 25 °C by Arrhenius' law). One request.
 */
import { exportUrl, gql } from '../api.js';
import { dataTable, exportBar, fmt, h, provenanceCell } from '../dom.js';
import { PROVENANCE, type PublicationRow, type SourceRow } from '../rows.js';
import { familyLabel, words, type Rendered, type View, type ViewContext } from '../view.js';

const QUERY = `query MaterialPage($id: ID!) {
  material(id: $id) {
    id name formula reducedFormula kind family families chemicalClass chemicalSystem description generalFormula representativeFormula
    aliases { alias review }
    variants { id labels }
    measurements(first: 1000) { id property propertyText printedValue printedUnit value unit qualifier temperatureK temperatureText variant { labels } ${PROVENANCE} }
    reportedStabilityWindows { id scale method reductionLimit { text quantity { printedValue } } oxidationLimit { text quantity { printedValue } } ${PROVENANCE} }
    interfaces { id electrolyte { id name } counterpart { id name } observations { id productsText products { name } interphaseType stabilityClass ${PROVENANCE} } }
    claims { id kind statement ${PROVENANCE} }
    conductivity: consensus(property: IONIC_CONDUCTIVITY) { reports publications median min max spreadDecades unit }
    activationEnergy: consensus(property: ACTIVATION_ENERGY) { reports publications median min max unit }
    stabilityWindow { status reductionLimitV oxidationLimitV energyAboveHullEvPerAtom reason productsAtReduction { formula } productsAtOxidation { formula } }
    conductivityAt(temperature: 298.15) { status conductivity activationEnergyEv formula reason }
  }
}`;

type Src = { source: SourceRow; publication: PublicationRow | null };
interface Page {
  id: string;
  name: string;
  formula: string | null;
  reducedFormula: string | null;
  kind: string;
  family: string | null;
  families: string[];
  chemicalClass: string | null;
  chemicalSystem: string | null;
  description: string | null;
  generalFormula: string | null;
  representativeFormula: string | null;
  aliases: { alias: string; review: string | null }[];
  variants: { id: string; labels: string[] }[];
  measurements: (Src & { id: string; property: string; propertyText: string | null; printedValue: string; printedUnit: string | null; value: number | null; unit: string; qualifier: string; temperatureK: number | null; temperatureText: string | null; variant: { labels: string[] } | null })[];
  reportedStabilityWindows: (Src & { id: string; scale: string; method: string; reductionLimit: { text: string | null; quantity: { printedValue: string } | null } | null; oxidationLimit: { text: string | null; quantity: { printedValue: string } | null } | null })[];
  interfaces: { id: string; electrolyte: { id: string; name: string } | null; counterpart: { id: string; name: string } | null; observations: (Src & { id: string; productsText: string | null; products: { name: string }[]; interphaseType: string | null; stabilityClass: string | null })[] }[];
  claims: (Src & { id: string; kind: string; statement: string })[];
  conductivity: { reports: number; publications: number; median: number | null; min: number | null; max: number | null; spreadDecades: number | null; unit: string };
  activationEnergy: { reports: number; publications: number; median: number | null; min: number | null; max: number | null; unit: string };
  stabilityWindow: { status: string; reductionLimitV: number | null; oxidationLimitV: number | null; energyAboveHullEvPerAtom: number | null; reason: string | null; productsAtReduction: { formula: string }[]; productsAtOxidation: { formula: string }[] } | null;
  conductivityAt: { status: string; conductivity: number | null; activationEnergyEv: number | null; formula: string; reason: string | null } | null;
}

/** Facts listed on the page: measurements, reported windows, interphase observations and claims. */
export function factCount(m: Pick<Page, 'measurements' | 'reportedStabilityWindows' | 'interfaces' | 'claims'>): number {
  return m.measurements.length + m.reportedStabilityWindows.length + m.interfaces.reduce((n, i) => n + i.observations.length, 0) + m.claims.length;
}

function dl(pairs: [string, Node | string | null | undefined][]): HTMLElement {
  return h('dl', { class: 'facts' }, ...pairs.filter(([, v]) => v !== null && v !== undefined && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v!)]));
}

async function render(ctx: ViewContext): Promise<Rendered> {
  const id = ctx.params.id ?? '';
  if (!id) {
    ctx.root.append(h('p', {}, 'Open a material from a chart, a table or the search box.'));
    return { points: 0 };
  }
  const d = await gql<{ material: Page | null }>(QUERY, { id }, ctx.signal);
  const m = d.material;
  if (!m) {
    ctx.root.append(h('p', { class: 'error', role: 'alert' }, `No material has the id '${id}'.`));
    return { points: 0 };
  }
  const c = m.conductivity;
  const ea = m.activationEnergy;
  const w = m.stabilityWindow;
  ctx.root.append(
    h('h2', {}, m.name, m.formula && m.formula !== m.name ? h('span', { class: 'muted' }, ` ${m.formula}`) : ''),
    dl([
      ['Id', m.id],
      ['Kind', words(m.kind)],
      ['Structural family', m.families.map(familyLabel).join(', ') || '—'],
      ['Chemical class', words(m.chemicalClass)],
      ['Chemical system', m.chemicalSystem],
      ['General formula', m.generalFormula],
      ['Representative composition', m.representativeFormula],
      ['Also called', m.aliases.map((a) => a.alias + (a.review ? ` (${a.review})` : '')).join(', ')],
      ['Variants', m.variants.map((v) => [...new Set(v.labels)].join(' ')).join('; ')],
      ['Description', m.description],
    ]),
    h('h3', {}, 'Consensus of the reports'),
    dl([
      ['Ionic conductivity (20–30 °C)', c.reports ? `median ${fmt(c.median)} S/cm, ${fmt(c.min)}–${fmt(c.max)} S/cm (${fmt(c.spreadDecades, 2)} decades), ${c.reports} reports from ${c.publications} publications` : 'no reports'],
      ['Activation energy', ea.reports ? `median ${fmt(ea.median)} eV, ${fmt(ea.min)}–${fmt(ea.max)} eV, ${ea.reports} reports from ${ea.publications} publications` : 'no reports'],
    ]),
    h('h3', {}, 'Computed properties'),
    dl([
      ['Stability window (DFT phase data)', w ? (w.status === 'COMPUTED' ? `${fmt(w.reductionLimitV)}–${fmt(w.oxidationLimitV)} V vs Li/Li+ (reduction: ${w.productsAtReduction.map((p) => p.formula).join(', ') || 'stable'}; oxidation: ${w.productsAtOxidation.map((p) => p.formula).join(', ')})` : `${words(w.status)}${w.reason ? `: ${w.reason}` : ''}`) : 'no composition'],
      ['Energy above hull', w?.energyAboveHullEvPerAtom != null ? `${fmt(w.energyAboveHullEvPerAtom)} eV/atom` : null],
      ['Conductivity at 25 °C (Arrhenius)', m.conductivityAt ? (m.conductivityAt.conductivity !== null ? `${fmt(m.conductivityAt.conductivity)} S/cm, Ea ${fmt(m.conductivityAt.activationEnergyEv)} eV (${words(m.conductivityAt.status)}, ${m.conductivityAt.formula})` : `${words(m.conductivityAt.status)}: ${m.conductivityAt.reason ?? ''}`) : null],
    ]),
    h('p', {}, h('a', { href: `?view=arrhenius&material=${encodeURIComponent(m.id)}` }, 'Arrhenius plot'), ' · ', h('a', { href: `?view=interfaces&material=${encodeURIComponent(m.id)}` }, 'Interfaces'), ' · ', h('a', { href: `?view=windows` }, 'Stability windows')),
    exportBar([
      { label: 'Measurements CSV', href: exportUrl('measurements', 'csv', { material: m.id }) },
      { label: 'Measurements BibTeX', href: exportUrl('measurements', 'bib', { material: m.id }) },
    ]),
    h('h3', {}, `Facts (${factCount(m)})`),
    dataTable('measurements', [
      { label: 'Property', cell: (x: Page['measurements'][number]) => x.propertyText ?? words(x.property) },
      { label: 'As printed', cell: (x) => `${x.printedValue} ${x.printedUnit ?? ''}` },
      { label: 'Value', cell: (x) => (x.value !== null ? `${fmt(x.value)} ${x.unit}` : words(x.qualifier)) },
      { label: 'T', cell: (x) => (x.temperatureK !== null ? `${fmt(x.temperatureK, 5)} K` : x.temperatureText ?? '') },
      { label: 'Variant', cell: (x) => x.variant?.labels.join(' ') ?? '' },
      { label: 'Reported in / read in', cell: (x) => provenanceCell(x.source, x.publication) },
    ], m.measurements),
    dataTable('reported stability windows', [
      { label: 'Window', cell: (x: Page['reportedStabilityWindows'][number]) => `${x.reductionLimit?.quantity?.printedValue ?? x.reductionLimit?.text ?? '?'} – ${x.oxidationLimit?.quantity?.printedValue ?? x.oxidationLimit?.text ?? '?'} V (${x.scale})` },
      { label: 'Method', cell: (x) => words(x.method) },
      { label: 'Reported in / read in', cell: (x) => provenanceCell(x.source, x.publication) },
    ], m.reportedStabilityWindows),
    dataTable('interphase observations', [
      { label: 'Interface', cell: (x: { i: Page['interfaces'][number]; o: Page['interfaces'][number]['observations'][number] }) => `${x.i.electrolyte?.name ?? 'family'} | ${x.i.counterpart?.name ?? '—'}` },
      { label: 'Products', cell: (x) => x.o.products.map((p) => p.name).join(', ') || x.o.productsText || '—' },
      { label: 'Type', cell: (x) => `${words(x.o.interphaseType)} / ${words(x.o.stabilityClass)}` },
      { label: 'Reported in / read in', cell: (x) => provenanceCell(x.o.source, x.o.publication) },
    ], m.interfaces.flatMap((i) => i.observations.map((o) => ({ i, o })))),
    dataTable('claims', [
      { label: 'Kind', cell: (x: Page['claims'][number]) => words(x.kind) },
      { label: 'Statement', cell: (x) => x.statement },
      { label: 'Reported in / read in', cell: (x) => provenanceCell(x.source, x.publication) },
    ], m.claims),
  );
  for (const d of ctx.root.querySelectorAll('details.data-table')) (d as HTMLDetailsElement).open = true;
  return { points: factCount(m) };
}

export const materialView: View = { name: 'material', title: 'Material', render };

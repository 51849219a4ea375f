/**
 * Full-text search over the API's `search` (material names, formulas, aliases, publication titles and
 * every fact's quote), best hits first; a material hit opens its page. One request per search.
 */
import { gql } from '../api.js';
import { h, table } from '../dom.js';
import { words, type Rendered, type View, type ViewContext } from '../view.js';

const QUERY = `query Search($text: String!) {
  search(text: $text, first: 50) {
    totalCount
    edges { node { kind field text review score node {
      __typename
      ... on Material { id name }
      ... on Measurement { id material { id name } }
      ... on ReportedStabilityWindow { id material { id name } }
      ... on InterphaseObservation { id interface { electrolyte { id name } counterpart { id name } } }
      ... on Claim { id materials { id name } }
      ... on Publication { key doi title }
      ... on CoatingApplication { id }
      ... on Cell { id }
    } } }
  }
}`;

interface Hit {
  kind: string;
  field: string;
  text: string;
  review: string | null;
  score: number;
  node: { __typename: string; id?: string; key?: string; name?: string; doi?: string | null; title?: string | null; material?: { id: string; name: string } | null; materials?: { id: string; name: string }[]; interface?: { electrolyte: { id: string; name: string } | null; counterpart: { id: string; name: string } | null } };
}

function materialOf(n: Hit['node']): { id: string; name: string } | null {
  if (n.__typename === 'Material' && n.id && n.name) return { id: n.id, name: n.name };
  return n.material ?? n.materials?.[0] ?? n.interface?.electrolyte ?? null;
}

async function render(ctx: ViewContext): Promise<Rendered> {
  const text = ctx.params.q ?? '';
  if (!text) {
    ctx.root.append(h('p', {}, 'Type words in the search box above (e.g. "argyrodite lithium metal", "LLZTO", "Li2S").'));
    return { points: 0 };
  }
  const d = await gql<{ search: { totalCount: number; edges: { node: Hit }[] } }>(QUERY, { text }, ctx.signal);
  const hits = d.search.edges.map((e) => e.node);
  ctx.root.append(
    h('p', { class: 'summary' }, `${d.search.totalCount} hits for “${text}”${hits.length < d.search.totalCount ? `, the best ${hits.length} shown` : ''}.`),
    table('search hits', [
      { label: 'Kind', cell: (x: Hit) => words(x.kind) },
      { label: 'Found', cell: (x) => x.node.name ?? x.node.title ?? x.node.id ?? x.node.key ?? '' },
      { label: 'Material', cell: (x) => { const m = materialOf(x.node); return m ? h('a', { href: `?view=material&id=${encodeURIComponent(m.id)}` }, m.name) : '—'; } },
      { label: 'Matched text', cell: (x) => `${x.field}: ${x.text}` },
      { label: 'Review', cell: (x) => x.review ?? '' },
    ], hits),
  );
  return { points: hits.length };
}

export const searchView: View = { name: 'search', title: 'Search', render };

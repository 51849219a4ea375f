/**
 * The dashboard in headless Chromium (Debian's chromium driven by playwright-core): for each view, the time
 * from navigation to its first chart drawn (cold: a new page; warm: the page loaded once before, so the
 * API's caches are warm) and the time a filter change takes to draw again, with the API requests each
 * view makes. Anchor, in the same run: the same GraphQL operations the page sent, replayed from Node with
 * fetch one after another (the API's own time for the view, without the browser). Medians over `--runs`.
 *   npm run bench:dashboard                                  # starts `npm start`'s server in a process of its own
 *   DASHBOARD_TARGET=http://127.0.0.1:4000 npm run bench:dashboard -- --runs 5   # a server already running
 */
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildDashboard } from '../dashboard/build.js';
import { launchChromium } from '../test/support/browser.js';
import { startServer } from './server.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

interface Case {
  name: string;
  query: string;
  /** A filter changed on the page: the control and the value chosen. */
  change?: { control: string; value: string };
}

const CASES: Case[] = [
  { name: 'conductivity map (vs Ea)', query: '?view=conductivity', change: { control: '#filter-x', value: 'temperature' } },
  { name: 'conductivity map (vs T)', query: '?view=conductivity&x=temperature', change: { control: '#filter-family', value: 'GARNET' } },
  { name: 'Arrhenius plot', query: '?view=arrhenius&material=Na3P1S4', change: { control: '#filter-form', value: 'SIGMA' } },
  { name: 'stability windows', query: '?view=windows', change: { control: '#filter-review', value: 'banerjee2020' } },
  { name: 'interface explorer', query: '?view=interfaces', change: { control: '#filter-review', value: 'banerjee2020' } },
  { name: 'material page (LGPS)', query: '?view=material&id=Ge1Li10P2S12' },
  { name: 'search', query: '?view=search&q=argyrodite' },
];

interface Render {
  ms: number;
  requests: number;
  points: number;
}

async function lastRender(page: Page, n: number): Promise<Render & { firstViewMs: number }> {
  await page.waitForFunction((k) => {
    const t = (window as unknown as { __interphase?: { renders: { state: string }[] } }).__interphase;
    return !!t && t.renders.length >= k;
  }, n, { timeout: 600_000 });
  return page.evaluate(() => {
    const t = (window as unknown as { __interphase: { renders: Render[]; firstViewMs: number } }).__interphase;
    return { ...t.renders.at(-1)!, firstViewMs: t.firstViewMs };
  });
}

/** Loads a view in a new page; returns the first render, the filter change's render and the GraphQL bodies sent. */
async function once(browser: Browser, base: string, c: Case): Promise<{ first: Render & { firstViewMs: number }; change: Render | null; bodies: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const bodies: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/graphql')) bodies.push(r.postData() ?? '');
  });
  await page.goto(`${base}/dashboard/${c.query}`);
  const first = await lastRender(page, 1);
  let change: Render | null = null;
  if (c.change) {
    await page.selectOption(c.change.control, c.change.value);
    change = await lastRender(page, 2);
  }
  await page.close();
  return { first, change, bodies: bodies.slice(0, bodies.length) };
}

/** The view's own operations replayed from Node, one after another: the API's time for the view. */
async function replay(base: string, bodies: string[]): Promise<number> {
  const started = performance.now();
  for (const body of bodies) {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.text();
  }
  return performance.now() - started;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

await buildDashboard();
const target = process.env.DASHBOARD_TARGET;
const server = target ? { base: target.replace(/\/$/, ''), stop: async () => {} } : await startServer();
const browser = await launchChromium();
try {
  console.log(`\ndashboard: ${runs} runs per view against ${server.base} (medians, ms)\n`);
  console.log('| view | API requests | points | first chart, cold page (nav → drawn) | render alone | same operations from Node (anchor) | filter change (drawn again) | its requests |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const c of CASES) {
    await once(browser, server.base, c); // warm-up: JIT, the API's caches, the thermodynamics' results
    const firsts: number[] = [];
    const renders: number[] = [];
    const anchors: number[] = [];
    const changes: number[] = [];
    let last: Awaited<ReturnType<typeof once>> | null = null;
    for (let i = 0; i < runs; i += 1) {
      last = await once(browser, server.base, c);
      firsts.push(last.first.firstViewMs);
      renders.push(last.first.ms);
      if (last.change) changes.push(last.change.ms);
      const firstBodies = last.bodies.slice(0, last.first.requests);
      anchors.push(await replay(server.base, firstBodies));
    }
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');
    console.log(`| ${c.name} | ${last!.first.requests} | ${last!.first.points} | ${f(median(firsts))} | ${f(median(renders))} | ${f(median(anchors))} | ${f(median(changes))} | ${last!.change?.requests ?? '—'} |`);
  }
  console.log('\n"first chart" runs from navigation start (page, bundle, first query) to the view drawn; "render alone" from the view\'s start;');
  console.log('the anchor sends the same GraphQL bodies from Node, one after another. The conductivity map\'s first render also reads the family vocabulary (counted).');
} finally {
  await browser.close();
  await server.stop();
}

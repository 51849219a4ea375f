/**
 * npm run seed [-- --check]: validates the curated seed (seed/) against its schema and the review
 * texts, and (without --check) loads it into the configured Neo4j in one transaction.
 */
import { existsSync } from 'node:fs';
import { InvalidRecordsError } from '../../services/errors.js';
import { readSeed, type SeedBundle } from '../../services/seed/seed.read.js';
import { loadConfig } from '../config.js';

const config = loadConfig();
const check = process.argv.includes('--check');
const textsDir = existsSync(config.seedTextsDir) ? config.seedTextsDir : null;
if (!textsDir) console.warn(`review texts not found at ${config.seedTextsDir}: quotes and lines are not checked`);

let bundle: SeedBundle;
try {
  bundle = await readSeed({ seedDir: config.seedDir, textsDir });
} catch (e) {
  if (e instanceof InvalidRecordsError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
console.log(summary(bundle));
if (!check) {
  const { loadSeed } = await import('../seedLoad.js');
  await loadSeed(config, bundle);
}

export function summary(b: SeedBundle): string {
  const limits = b.windows.reduce((n, w) => n + (w.reduction ? 1 : 0) + (w.oxidation ? 1 : 0), 0);
  const numericLimits = b.windows.reduce((n, w) => n + (w.reduction?.quantity ? 1 : 0) + (w.oxidation?.quantity ? 1 : 0), 0);
  const byReview = (xs: { review: string }[]) =>
    Object.entries(xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.review]: (acc[x.review] ?? 0) + 1 }), {}))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return [
    `seed: ${b.reviews.length} reviews, ${b.publications.length} publications (from ${b.publications.reduce((n, p) => n + p.citedBy.length, 0)} reference entries)`,
    `  materials ${b.materials.length} (${b.materials.filter((m) => m.kind === 'NAMED').length} named), variants ${b.variants.length}, aliases ${b.aliases.length}`,
    `  measurements ${b.measurements.length} [${byReview(b.measurements)}]`,
    `  stability-window limits ${limits} (${numericLimits} numeric) in ${b.windows.length} windows [${byReview(b.windows)}]`,
    `  interphase observations ${b.interphases.length} at ${b.interfaces.length} interfaces [${byReview(b.interphases)}]`,
    `  coating applications ${b.coatings.length} [${byReview(b.coatings)}]`,
    `  cells ${b.cells.length} [${byReview(b.cells)}]`,
    `  quotes ${b.quotesChecked ? 'checked against the review texts' : 'NOT checked (texts missing)'}`,
  ].join('\n');
}

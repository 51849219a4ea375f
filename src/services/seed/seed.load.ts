/**
 * The seed use case: validate the curated files (seed.read.ts), then write them in one transaction
 * (graph/seed.store.ts). Loading twice gives the same graph.
 */
import { existsSync } from 'node:fs';
import type { SeedLoadCounts, SeedStore } from '../../graph/seed.store.js';
import type { SeedBundle } from '../../graph/seed.records.js';
import { readSeed } from './seed.read.js';

export interface SeedLoadResult {
  bundle: SeedBundle;
  counts: SeedLoadCounts;
}

export class SeedService {
  constructor(private readonly store: SeedStore) {}

  /** Facts of the seed in the graph (0 when never loaded). */
  async loadedFactCount(): Promise<number> {
    return this.store.seedFactCount();
  }

  /**
   * Validates and loads. `textsDir` (the review texts) enables the quote and line checks; when it does
   * not exist they are skipped and `bundle.quotesChecked` is false.
   * @throws InvalidRecordsError (nothing written) when any record is invalid
   */
  async load(seedDir: string, textsDir: string, onProgress?: (done: number, total: number) => void): Promise<SeedLoadResult> {
    const bundle = await readSeed({ seedDir, textsDir: existsSync(textsDir) ? textsDir : null });
    const counts = await this.store.load(bundle, onProgress);
    return { bundle, counts };
  }
}

/** What a seed holds, as lines for a terminal. */
export function seedSummary(b: SeedBundle): string {
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
    `  claims ${b.claims.length} [${byReview(b.claims)}]`,
    `  quotes ${b.quotesChecked ? 'checked against the review texts' : 'NOT checked (review texts not found)'}`,
  ].join('\n');
}

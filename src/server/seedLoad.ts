/** Writing a validated seed into Neo4j (filled in with the seed store). */
import type { SeedBundle } from '../services/seed/seed.read.js';
import type { Config } from './config.js';

export async function loadSeed(_config: Config, _bundle: SeedBundle): Promise<void> {
  throw new Error('loading is not written yet: use --check');
}

/**
 * A small seed folder for loader tests: the real reviews, reference lists and common materials, plus
 * fact files written by the test (into a temporary folder; the repository's seed is never touched).
 */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/config.js';

export async function seedFixture(facts: Record<string, string>, materials: Record<string, string> = {}): Promise<string> {
  const real = loadConfig().seedDir;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'interphase-seed-'));
  await cp(path.join(real, 'reviews.yaml'), path.join(dir, 'reviews.yaml'));
  await cp(path.join(real, 'references'), path.join(dir, 'references'), { recursive: true });
  await mkdir(path.join(dir, 'materials'));
  await cp(path.join(real, 'materials', 'common.yaml'), path.join(dir, 'materials', 'common.yaml'));
  for (const [rel, text] of Object.entries({ ...materials, ...facts })) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

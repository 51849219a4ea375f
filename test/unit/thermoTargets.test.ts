import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { readSeed } from '../../src/services/seed/seed.read.js';
import { EXPECTED_WINDOWS_CSV, TARGETS_FILE, elementsOfPhaseData, expectedWindowTargets, selectThermoTargets } from '../fixtures/pymatgen/thermoTargets.js';

describe('test/fixtures/pymatgen/thermo-targets.json', () => {
  it('is still every solid electrolyte, coating and cathode of the seed that the phase data cover, and their pairs (regenerate the fixture if not)', async () => {
    const config = loadConfig();
    const bundle = await readSeed({ seedDir: config.seedDir, textsDir: null });
    const current = selectThermoTargets(bundle, elementsOfPhaseData(config.phaseDataCsv), expectedWindowTargets(EXPECTED_WINDOWS_CSV));
    expect(current).toEqual(JSON.parse(readFileSync(TARGETS_FILE, 'utf8')));
    expect(current.compounds.length).toBeGreaterThanOrEqual(40);
    expect(current.pairs.length).toBeGreaterThanOrEqual(10);
  }, 300_000);
});

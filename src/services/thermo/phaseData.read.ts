/**
 * Reading a formation-energy table (CSV with columns `formula` and `target` or
 * `formation_energy_per_atom`, eV/atom, elements = 0) into phase entries: one per reduced composition,
 * keeping the lowest energy of its polymorphs (only that one can be on the convex hull) and how many
 * rows it stood for. Every problem is reported as `<file>:<line>: <column>: <problem>`; any problem
 * means nothing is returned to write.
 *
 * The development table is Materials Project formation energies as packaged by matbench v0.1
 * (`matbench_mp_e_form`, 132,752 rows; Jain et al., APL Mater. 1, 011002 (2013), doi:10.1063/1.4812323;
 * Dunn et al., npj Comput. Mater. 6, 138 (2020), doi:10.1038/s41524-020-00406-3; CC BY 4.0), computed
 * with MP's legacy (pre-2020) energy corrections.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Composition } from '../../domain/chemistry/composition.js';
import { parseFormula } from '../../domain/chemistry/formula.js';
import { DomainError } from '../../domain/errors.js';
import type { PhaseDataDatasetWrite, PhaseEntryWrite } from '../../graph/phaseData.store.js';
import { InvalidRecordsError, type RecordProblem } from '../errors.js';

/** Formation energies outside ±FORMATION_ENERGY_LIMIT eV/atom are rejected as not formation energies. */
export const FORMATION_ENERGY_LIMIT = 20;
/** Compositions of more elements than this are not phase-diagram entries this service can use. */
export const MAX_ELEMENTS = 10;

/** The datasets the project knows by file name; any other file is described generically. */
const KNOWN: Record<string, Omit<PhaseDataDatasetWrite, 'version' | 'file'>> = {
  'mp_e_form_matbench.csv': {
    id: 'matbench_mp_e_form',
    name: 'Materials Project formation energies (matbench v0.1 matbench_mp_e_form)',
    license: 'CC BY 4.0',
    licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
    url: 'https://matbench.materialsproject.org/Leaderboards%20Per-Task/matbench_v0.1_matbench_mp_e_form/',
    citation:
      'A. Jain et al., "Commentary: The Materials Project", APL Mater. 1, 011002 (2013); A. Dunn et al., "Benchmarking materials ' +
      'property prediction methods: the Matbench test set and Automatminer reference algorithm", npj Comput. Mater. 6, 138 (2020). ' +
      'Formation energies with Materials Project legacy (pre-2020) corrections.',
    doi: '10.1063/1.4812323',
  },
};

export interface PhaseDataInput {
  dataset: PhaseDataDatasetWrite;
  entries: PhaseEntryWrite[];
  rows: number;
}

/** The composition fields of a phase entry (key, reduced formula, integer proportions, system). */
export function compositionFields(c: Composition): Pick<PhaseEntryWrite, 'key' | 'formula' | 'compositionElements' | 'compositionAmounts' | 'chemicalSystem' | 'elementCount'> {
  const proportions = c.integerProportions();
  return {
    key: c.key,
    formula: c.reducedFormula,
    compositionElements: proportions.map((p) => p.element),
    compositionAmounts: proportions.map((p) => p.amount),
    chemicalSystem: c.chemicalSystem,
    elementCount: c.elementCount,
  };
}

/** Dataset entry id: `<dataset id>:<composition key>`. */
export function datasetEntryId(datasetId: string, compositionKey: string): string {
  return `${datasetId}:${compositionKey}`;
}

/** The dataset id a file is imported under (known tables by name, others 'phase-data:<file name>'). */
export function phaseDatasetId(filePath: string): string {
  const file = path.basename(filePath);
  return KNOWN[file]?.id ?? `phase-data:${file.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** Reads and validates the table; throws InvalidRecordsError listing every problem. */
export function readPhaseData(csv: Buffer, filePath: string): PhaseDataInput {
  const file = path.basename(filePath);
  const version = `sha256:${createHash('sha256').update(csv).digest('hex').slice(0, 16)}`;
  const known = KNOWN[file];
  const dataset: PhaseDataDatasetWrite = known
    ? { ...known, version, file }
    : {
        id: phaseDatasetId(file),
        name: `Formation energies from ${file}`,
        license: 'unknown',
        licenseUrl: '',
        url: '',
        citation: `Formation energies read from ${file}.`,
        doi: null,
        version,
        file,
      };

  const records = parse(csv, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  const problems: RecordProblem[] = [];
  const header = records.length ? Object.keys(records[0]!) : [];
  const energyColumn = ['target', 'formation_energy_per_atom'].find((c) => header.includes(c));
  if (!header.includes('formula') || !energyColumn) {
    throw new InvalidRecordsError([{ file, record: '1', field: 'header', problem: `needs columns 'formula' and 'target' (or 'formation_energy_per_atom'), got '${header.join(',')}'` }]);
  }
  const lowest = new Map<string, { composition: Composition; energy: number; rows: number }>();
  records.forEach((r, i) => {
    const record = String(i + 2);
    let composition: Composition | undefined;
    try {
      composition = parseFormula(r.formula ?? '');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      problems.push({ file, record, field: 'formula', problem: e.message });
    }
    const text = r[energyColumn] ?? '';
    const energy = Number(text);
    if (text === '' || !Number.isFinite(energy)) problems.push({ file, record, field: energyColumn, problem: `'${text}' is not a number (eV/atom)` });
    else if (Math.abs(energy) > FORMATION_ENERGY_LIMIT) problems.push({ file, record, field: energyColumn, problem: `${energy} eV/atom is not a formation energy (|E| > ${FORMATION_ENERGY_LIMIT})` });
    if (composition && composition.elementCount > MAX_ELEMENTS) problems.push({ file, record, field: 'formula', problem: `${composition.elementCount} elements; at most ${MAX_ELEMENTS}` });
    if (!composition || !Number.isFinite(energy) || problems.length) return;
    const key = composition.key;
    const seen = lowest.get(key);
    if (!seen) lowest.set(key, { composition, energy, rows: 1 });
    else {
      seen.rows++;
      if (energy < seen.energy) {
        seen.energy = energy;
        seen.composition = composition;
      }
    }
  });
  if (problems.length) throw new InvalidRecordsError(problems);

  const entries: PhaseEntryWrite[] = [];
  for (const [key, { composition, energy, rows }] of lowest) {
    entries.push({ id: datasetEntryId(dataset.id, key), ...compositionFields(composition), formationEnergyEvPerAtom: energy, rows });
  }
  return { dataset, entries, rows: records.length };
}

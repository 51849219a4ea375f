/**
 * The column mapping of a bulk import: a small YAML (or JSON, a subset of YAML) file declaring which dataset
 * a table is, how to read it (CSV with or without a header, or JSON Lines) and which column gives what
 * (composition, conductivity as a value or as log10, temperature in K or °C or one constant temperature,
 * DOI(s), family with the table's own vocabulary, contribution, activation energy, notes, crystal structure).
 * See mappings/README.md for the files shipped with the project and an annotated example.
 *
 * Every key is checked: an unknown key, a missing one, a unit that is not a unit of its quantity is an
 * error `<mapping file>: <path.of.key>: <problem>` (MappingError), before any row is read.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { STRUCTURAL_FAMILIES, type StructuralFamily } from '../../domain/families.js';
import { CONDUCTIVITY_CONTRIBUTIONS } from '../../domain/model/measurement.kind.js';
import { DATASET_VIEWS, type MaterialDatasetView } from '../../domain/model/material.kind.js';
import { toCanonical } from '../../domain/units/properties.js';
import { toKelvin } from '../../domain/units/units.js';

/** A problem of a mapping file: `file: path: problem`. */
export class MappingError extends Error {
  override name = 'MappingError';
  constructor(readonly problems: { file: string; path: string; problem: string }[]) {
    super(problems.map((p) => `${p.file}: ${p.path || '(top)'}: ${p.problem}`).join('\n'));
  }
}

const column = z.string().min(1, 'names no column');
const familyName = z.enum(Object.keys(STRUCTURAL_FAMILIES) as [StructuralFamily, ...StructuralFamily[]]);
const contribution = z.enum(CONDUCTIVITY_CONTRIBUTIONS);

const unitOf = (property: 'IONIC_CONDUCTIVITY' | 'ACTIVATION_ENERGY') =>
  z.string().refine((u) => unitProblem(() => toCanonical(property, 1, u)) === null, {
    error: (issue) => `'${String(issue.input)}' is not a unit of ${property === 'IONIC_CONDUCTIVITY' ? 'ionic conductivity' : 'activation energy'}`,
  });

const temperatureUnit = z.string().refine((u) => unitProblem(() => toKelvin(300, u)) === null, {
  error: (issue) => `'${String(issue.input)}' is not a temperature unit (K or °C)`,
});

function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function unitProblem(convert: () => unknown): string | null {
  try {
    convert();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

const MAPPING = z.strictObject({
  dataset: z.strictObject({
    /** The Dataset node's id; measurement ids start with it. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes, starting with a letter'),
    name: z.string().min(1),
    licence: z.string().min(1),
    licenceUrl: z.string().url(),
    citation: z.string().min(1),
    doi: z.string().min(1).nullable().default(null),
    url: z.string().url(),
  }),
  /**
   * Whose copy of the materials' properties the import writes (domain/model/material.kind.ts): one dataset's own.
   * Absent: the table (a lab's own) describes no material: it writes none, and a row whose composition is not a
   * material already in the graph is rejected.
   */
  view: z.enum(DATASET_VIEWS).optional(),
  format: z.enum(['csv', 'jsonl']),
  /** CSV only: whether the first line names the columns; without one, `columnNames` does. */
  header: z.boolean().default(true),
  columnNames: z.array(column).min(1).optional(),
  /** Characters removed from every cell before it is read (e.g. a combining overline left by a PDF extraction). */
  stripCharacters: z.array(z.string().min(1)).default([]),
  /** What the real run does with rejected rows: import the others ('skip') or nothing at all ('fail'). */
  rejectedRows: z.enum(['skip', 'fail']).default('skip'),
  /**
   * How measurement ids are made: 'hash' (default) of the dataset id, composition, temperature, value,
   * contribution and DOIs, so that rows giving the same measurement are one; 'record' from the record id
   * column (`<dataset>:<record id>`, duplicates rejected).
   */
  measurementIds: z.enum(['hash', 'record']).default('hash'),
  columns: z.strictObject({
    /** The record's id in the table; the line number when absent. */
    recordId: column.optional(),
    composition: z.strictObject({
      column,
      /** A column giving the composition with explicit site occupancies, kept as printed. */
      siteColumn: column.optional(),
      /**
       * Formulas the table prints that cannot be trusted (e.g. subscripts displaced by a PDF extraction):
       * a formula matching `pattern` (a JavaScript regular expression) is rejected with `reason`.
       */
      rejectPatterns: z
        .array(
          z.strictObject({
            pattern: z.string().refine((p) => regexProblem(p) === null, { error: (issue) => `not a regular expression: ${regexProblem(String(issue.input))}` }),
            reason: z.string().min(1),
          }),
        )
        .default([]),
    }),
    value: z.strictObject({
      column,
      /** The unit of the column (of the value, or of 10^value when log10). */
      unit: unitOf('IONIC_CONDUCTIVITY').default('S/cm'),
      /** True when the column gives log10 of the conductivity. */
      log10: z.boolean().default(false),
      /** The unit as the table prints it (e.g. in its header), kept on the measurement; null when it prints none. */
      printedUnit: z.string().nullable().default(null),
      /** A column giving log10 of the same value: a row whose two columns disagree is rejected. */
      log10CheckColumn: column.optional(),
      /** A column giving the total conductivity: it must equal `column` where both are given. */
      totalColumn: column.optional(),
      /** A column giving the bulk conductivity: a second (BULK) measurement where it differs from `column`. */
      bulkColumn: column.optional(),
      /** Values outside [min, max] in S/cm are rejected as misprints. */
      range: z.tuple([z.number().positive(), z.number().positive()]).default([1e-25, 1e3]),
    }),
    temperature: z.union([
      z.strictObject({ column, unit: temperatureUnit }),
      z.strictObject({ constantK: z.number().positive(), text: z.string().min(1) }),
    ]),
    dois: z.strictObject({
      column,
      /** What separates several DOIs in one cell; one DOI per cell when absent. */
      separator: z.string().min(1).optional(),
      /**
       * The column gives reference numbers, not DOIs: a CSV beside the data file maps them to DOIs
       * (`file` relative to the data file; `key` and `doi` its columns).
       */
      lookup: z.strictObject({ file: z.string().min(1), key: column, doi: column }).optional(),
    }),
    family: z
      .strictObject({
        column,
        /** The table's labels → structural families (case-insensitive). */
        vocabulary: z.record(z.string(), familyName).default({}),
        /** Labels not in `vocabulary`: read by the project's label rules ('labels'), or no family ('none'). */
        otherLabels: z.enum(['labels', 'none']).default('labels'),
      })
      .optional(),
    contribution: z
      .union([z.strictObject({ constant: contribution }), z.strictObject({ column, map: z.record(z.string(), contribution) })])
      .default({ constant: 'TOTAL' }),
    /** A column of activation energies: one ACTIVATION_ENERGY measurement per row that gives one. */
    activationEnergy: z.strictObject({ column, unit: unitOf('ACTIVATION_ENERGY').default('eV') }).optional(),
    /** A column of free-text notes, kept with the record's source. */
    notes: z.strictObject({ column }).optional(),
    /** Columns of the reported crystal structure (any subset). */
    structure: z
      .strictObject({
        spaceGroupSymbol: column.optional(),
        spaceGroupNumber: column.optional(),
        a: column.optional(),
        b: column.optional(),
        c: column.optional(),
        alpha: column.optional(),
        beta: column.optional(),
        gamma: column.optional(),
        icsdId: column.optional(),
      })
      .optional(),
  }),
});

export type BulkMapping = z.infer<typeof MAPPING>;
export type { MaterialDatasetView };

/**
 * Reads and checks a mapping.
 * @param text the mapping file's text (YAML or JSON)
 * @param fileName its name, for error messages
 * @throws MappingError naming every problem (`file: path: problem`)
 */
export function parseMapping(text: string, fileName: string): BulkMapping {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new MappingError([{ file: fileName, path: '', problem: `not YAML: ${(e as Error).message}` }]);
  }
  const result = MAPPING.safeParse(raw);
  if (!result.success) {
    throw new MappingError(result.error.issues.map((i) => ({ file: fileName, path: issuePath(i), problem: issueText(i) })));
  }
  const mapping = result.data;
  const problems = consistencyProblems(mapping);
  if (problems.length > 0) throw new MappingError(problems.map((p) => ({ file: fileName, ...p })));
  return mapping;
}

function issuePath(issue: z.core.$ZodIssue): string {
  const base = issue.path.map(String).join('.');
  // an unknown key is reported at the object holding it: name the key itself
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => (base ? `${base}.${k}` : k)).join(', ');
  return base;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}

/** Problems no single key shows: column names without a header, a constant temperature with a column unit... */
function consistencyProblems(m: BulkMapping): { path: string; problem: string }[] {
  const problems: { path: string; problem: string }[] = [];
  if (m.format === 'csv' && !m.header && !m.columnNames) problems.push({ path: 'columnNames', problem: 'is required when header is false' });
  if (m.format === 'jsonl' && m.columnNames) problems.push({ path: 'columnNames', problem: 'JSON Lines records name their fields; remove it' });
  if (m.measurementIds === 'record' && !m.columns.recordId) problems.push({ path: 'columns.recordId', problem: "is required when measurementIds is 'record'" });
  if (m.columns.value.range[0] >= m.columns.value.range[1]) problems.push({ path: 'columns.value.range', problem: 'min must be below max' });
  if (m.columnNames) {
    const known = new Set(m.columnNames);
    for (const [path, name] of mappedColumns(m)) if (!known.has(name)) problems.push({ path, problem: `'${name}' is not one of columnNames` });
  }
  return problems;
}

/** Every column the mapping reads, with the path of the key naming it. */
export function mappedColumns(m: BulkMapping): [string, string][] {
  const c = m.columns;
  const out: [string, string][] = [];
  const add = (path: string, name: string | undefined) => {
    if (name !== undefined) out.push([`columns.${path}`, name]);
  };
  add('recordId', c.recordId);
  add('composition.column', c.composition.column);
  add('composition.siteColumn', c.composition.siteColumn);
  add('value.column', c.value.column);
  add('value.log10CheckColumn', c.value.log10CheckColumn);
  add('value.totalColumn', c.value.totalColumn);
  add('value.bulkColumn', c.value.bulkColumn);
  if ('column' in c.temperature) add('temperature.column', c.temperature.column);
  add('dois.column', c.dois.column);
  add('family.column', c.family?.column);
  if ('column' in c.contribution) add('contribution.column', c.contribution.column);
  add('activationEnergy.column', c.activationEnergy?.column);
  add('notes.column', c.notes?.column);
  for (const [k, v] of Object.entries(c.structure ?? {})) add(`structure.${k}`, v);
  return out;
}

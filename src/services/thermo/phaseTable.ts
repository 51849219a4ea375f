/**
 * The phase entries of one phase-data revision, as the main thread shares them with the worker threads.
 *
 * The main thread reads every entry once per revision (ThermoEngine.phaseTable) and writes them, as JSON,
 * into one SharedArrayBuffer (`sharePhaseTable`; about 110 bytes per entry, 10 MB for 95,000). A task sent to
 * a worker carries that buffer, which postMessage shares rather than copies, so a task costs the same
 * whatever the size of its chemical system. Each worker decodes a revision's buffer once, on the first
 * task that brings it (`PhaseTable.fromShared`, about 0.1–0.3 s for 95,000 entries), keeps the table of the
 * last two revisions it saw, and builds the compositions of a chemical system's entries once, on the first
 * task that needs them.
 */
import { randomUUID } from 'node:crypto';
import { chemicalSubsystems } from '../../domain/chemistry/chemicalSystem.js';
import { Composition } from '../../domain/chemistry/composition.js';
import type { PhaseEntry } from '../../domain/thermo/phaseSpace.js';
import type { PhaseEntryLite } from '../../graph/phaseData.store.js';

/** Every phase entry of one revision, encoded once, shared by reference with the workers. */
export interface SharedPhaseTable {
  /** Unique per encoding: what a worker keys its decoded tables by (two tables of one revision may differ in tests). */
  id: string;
  revision: number;
  /** Number of entries encoded. */
  entryCount: number;
  /** UTF-8 JSON of the entries (PhaseEntryLite[]). */
  bytes: SharedArrayBuffer;
}

/** Encodes the entries of `revision` into a SharedArrayBuffer (once per revision, in the main thread). */
export function sharePhaseTable(revision: number, entries: readonly PhaseEntryLite[]): SharedPhaseTable {
  const encoded = new TextEncoder().encode(JSON.stringify(entries));
  const bytes = new SharedArrayBuffer(encoded.byteLength);
  new Uint8Array(bytes).set(encoded);
  return { id: randomUUID(), revision, entryCount: entries.length, bytes };
}

/** The entries of one revision indexed by chemical system ('Li-P-S'), with their compositions built on first use. */
export class PhaseTable {
  private readonly bySystem = new Map<string, PhaseEntryLite[]>();
  private readonly built = new Map<string, PhaseEntry[]>();

  constructor(
    readonly revision: number,
    entries: readonly PhaseEntryLite[],
  ) {
    for (const e of entries) {
      const list = this.bySystem.get(e.chemicalSystem);
      if (list) list.push(e);
      else this.bySystem.set(e.chemicalSystem, [e]);
    }
  }

  /** Decodes a table shared by the main thread (`sharePhaseTable`). */
  static fromShared(shared: SharedPhaseTable): PhaseTable {
    // TextDecoder does not read shared memory: the bytes are copied out first
    const json = new TextDecoder().decode(new Uint8Array(shared.bytes).slice());
    return new PhaseTable(shared.revision, JSON.parse(json) as PhaseEntryLite[]);
  }

  /** Every entry whose elements all belong to `elements` (the system and its subsystems), as stored. */
  entriesOf(elements: readonly string[]): PhaseEntryLite[] {
    return chemicalSubsystems(elements).flatMap((s) => this.bySystem.get(s) ?? []);
  }

  /** The same entries as phase-space entries (compositions built once per chemical system). */
  phaseEntriesOf(elements: readonly string[]): PhaseEntry[] {
    return chemicalSubsystems(elements).flatMap((s) => this.phaseEntriesOfSystem(s));
  }

  private phaseEntriesOfSystem(system: string): PhaseEntry[] {
    let list = this.built.get(system);
    if (!list) {
      list = (this.bySystem.get(system) ?? []).map(toPhaseEntry);
      this.built.set(system, list);
    }
    return list;
  }
}

function toPhaseEntry(e: PhaseEntryLite): PhaseEntry {
  return {
    id: e.id,
    composition: new Composition(e.elements.map((el, i) => [el, e.amounts[i]!] as const)),
    formationEnergyEvPerAtom: e.energy,
    source: e.source,
    datasetId: e.datasetId,
  };
}

/**
 * A phase and its formation energy, the input of every computed property: the node kind `PhaseEntry`,
 * declared once (see property.ts). Dataset entries belong to an import run; readers see the active run's
 * and every user entry (graph/phaseData.store.ts).
 */
import { float, id, int, nodeKind, oneOf, text } from './property.js';

export const PHASE_ENTRY_SOURCES = ['DATASET', 'USER'] as const;
export type PhaseEntrySource = (typeof PHASE_ENTRY_SOURCES)[number];

export const PHASE_ENTRY = nodeKind(
  'PhaseEntry',
  'A phase and its formation energy, the input of every computed property: one entry per reduced composition of an imported ' +
    'dataset (its lowest-energy polymorph) or an entry a user added.',
  {
    id: id("Stable id: '<dataset id>:<composition key>' (e.g. 'matbench_mp_e_form:Cl1Li6P1S5') or 'user:<uuid>'.").filterable(),
    formula: text("Reduced formula, e.g. 'Li6PS5Cl'.").filterable(),
    key: id("Composition key (the id of the Material of this composition), e.g. 'Cl1Li6P1S5'.").named('compositionKey').filterable(),
    chemicalSystem: text("Elements, alphabetical, joined by '-', e.g. 'Cl-Li-P-S'.").filterable(),
    formationEnergyEvPerAtom: float('Formation energy from the elements, eV/atom (per atom of the composition; the elements in their reference states are 0).').filterable(),
    source: oneOf<PhaseEntrySource>('PhaseEntrySource', PHASE_ENTRY_SOURCES, 'Where it comes from.').filterable(),
    datasetVersion: text("Version of the dataset file it was imported from ('sha256:…'); null for user entries.").optional(),
    rows: int('Rows of the source table with this composition (polymorphs); the lowest energy is kept.').named('polymorphRows').orElse(1),
    label: text('For user entries: who computed it and how, as the user gave it.').optional(),
    note: text('For user entries: a free note (method, functional, reference).').optional(),
    owner: id(
      "For user entries: the id of the API key that added it (as `npm run keys -- list` shows it); only that key or a curator's may remove the entry. " +
        'Null for dataset entries and for user entries added before writes needed keys.',
    ).optional(),
    createdAt: text('For user entries: when it was added (ISO 8601; stored as a date-time set by the database).').optional().derived(),
    compositionElements: text('The elements of the composition, in the order of `compositionAmounts`.').many().hidden().filterable(),
    compositionAmounts: float('Atoms of each element per formula unit of `formula`.').many().hidden(),
    elementCount: int('Number of elements.').hidden().filterable(),
    datasetId: text('The dataset it was imported from (read by `dataset`); null for user entries.').optional().hidden().filterable(),
    uid: text("Unique per node: '<run>|<id>' for a dataset entry (runs may overlap while an import activates), the id for a user's.").hidden(),
    run: text('The import run a dataset entry belongs to; null for user entries.').optional().hidden(),
  },
);


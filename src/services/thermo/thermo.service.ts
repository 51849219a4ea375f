/**
 * The thermodynamics use cases of one request: validates formulas and options (errors name the
 * argument), takes the entries of the chemical system from the phase entries the engine holds in memory
 * (one query per phase-data revision), has the computation run in the worker pool (results cached per
 * revision and shared while in flight) and returns plain objects shaped like the GraphQL types.
 * Computed fields may fail with ThermoBusyError or ThermoTimeoutError (thermo.pool.ts). Method and
 * sources: src/domain/thermo and the design notes (THERMODYNAMICS.md).
 */
import { Composition } from '../../domain/chemistry/composition.js';
import { isElementSymbol } from '../../domain/chemistry/elements.js';
import { parseFormula } from '../../domain/chemistry/formula.js';
import { DomainError, excerpt } from '../../domain/errors.js';
import type { Loaders, Stores } from '../../graph/loaders.js';
import type { PhaseEntryRecord } from '../../graph/phaseData.store.js';
import type { InterfaceRecord, InterphaseObservationRecord, MaterialRecord } from '../../graph/records.js';
import {
  comparableProducts,
  compareProducts,
  disagreement,
  electrodeOf,
  electrodePotential,
  setAsideReason,
  type Electrode,
  type ProductLike,
  type VariantLike,
} from '../../domain/thermo/interphasePrediction.js';
import { roleAllows, type Principal } from '../../domain/curation/roles.js';
import { factsChangedEvent } from '../../domain/curation/changes.js';
import { ChangeEvents } from '../curation/changeEvents.js';
import { InvalidArgumentError } from '../errors.js';
import { resolveMaterial } from '../materialRef.js';
import { compositionFields, MAX_ELEMENTS } from './phaseData.read.js';
import type { ThermoEngine } from './thermo.engine.js';
import type { SharedPhaseTable } from './phaseTable.js';
import type { DecompositionData, ProfileData, ReactionTaskData, WindowData } from './thermo.jobs.js';
import {
  amounts,
  clean,
  type DecompositionView,
  type InterfaceKinkView,
  type InterfaceReactionView,
  type InterphasePredictionView,
  type PhaseAmountView,
  type ReactantView,
  type SetAsideObservationView,
  type StabilityWindowView,
  type TargetData,
  type TargetView,
  type ThermoStatus,
  type VoltageStepView,
} from './thermo.views.js';

/** The reservoirs a stability window is defined for (one-electron alkali ions). */
export const OPEN_ELEMENTS = ['Li', 'Na', 'K'] as const;
export type OpenElement = (typeof OPEN_ELEMENTS)[number];

export type {
  DataSourceView,
  DecompositionView,
  InterfaceKinkView,
  InterfaceReactionView,
  InterphasePredictionView,
  PhaseAmountView,
  ReactantView,
  StabilityWindowView,
  ThermoStatus,
  VoltageStepView,
} from './thermo.views.js';

export interface AddPhaseEntryInput {
  formula: string;
  formationEnergyEvPerAtom: number;
  label: string;
  note?: string | null;
}

/** Bounds of a user's formation energy, eV/atom (the imported tables hold -4.5 to +4.6). */
const USER_ENERGY_LIMIT = 10;

/**
 * An element's formation energy is measured from the element's own reference state, so it is 0 for the
 * reference itself and above 0 for any other form of it. Below 0 it would replace the reference and
 * shift every window and reaction with that element for everyone; above 0 it can never be stable.
 */
function checkElementalEnergy(element: string, e: number): void {
  if (e < 0) {
    throw new InvalidArgumentError(
      'input.formationEnergyEvPerAtom',
      `${e} eV/atom lies below the reference energy of ${element} (0 eV/atom by definition): an element cannot have a negative formation energy, ` +
        `and such an entry would shift every stability window and reaction involving ${element}`,
    );
  }
  if (e > 0) throw new InvalidArgumentError('input.formationEnergyEvPerAtom', `an element above its reference (${e} eV/atom) can never be stable`);
}

export class ThermoService {
  private tablePromise: Promise<SharedPhaseTable> | null = null;

  constructor(
    private readonly engine: ThermoEngine,
    private readonly stores: Stores,
    private readonly loaders: Loaders,
    private readonly events: ChangeEvents = new ChangeEvents(),
  ) {}

  /**
   * The phase entries the request computes from, fixed for the whole request: those of the current
   * revision (ThermoEngine.currentRevision), held in memory by the engine (one read per revision).
   */
  private phaseTable(): Promise<SharedPhaseTable> {
    this.tablePromise ??= this.engine
      .currentRevision(() => this.stores.phaseData.revision())
      .then((revision) => this.engine.phaseTable(revision, () => this.stores.phaseData.allEntries()));
    return this.tablePromise;
  }

  /** Reads the phase entries of the current revision into memory now (start-up), as the first computation would. */
  async preloadPhaseEntries(): Promise<{ revision: number; entries: number }> {
    const table = await this.phaseTable();
    return { revision: table.revision, entries: table.entryCount };
  }

  /** Stability window of a material named in any way (GraphQL `stabilityWindow`); see `target`. */
  async stabilityWindow(text: string, openElement: string | null | undefined, arg = 'formula'): Promise<StabilityWindowView> {
    const { composition, formula, representativeOf } = await this.target(text, arg);
    const open = this.openElement(openElement ?? 'Li', composition, 'openElement');
    return { ...(await this.windowOf(composition, formula, open)), representativeOf };
  }

  /**
   * Stability window of a material's composition (a named material's representative composition, which the
   * result names in `representativeOf`), or null for a material without one, an element, or more than 10
   * elements. Without `openElement`, the material's alkali (Li, then Na, then K); null if it has none.
   */
  async materialStabilityWindow(material: MaterialRecord, openElement: string | null | undefined): Promise<StabilityWindowView | null> {
    const t = targetOf(material);
    if (!t || t.composition.elementCount < 2 || t.composition.elementCount > MAX_ELEMENTS) return null;
    const { composition, formula, representativeOf } = t;
    if (openElement == null) {
      const alkali = OPEN_ELEMENTS.find((e) => composition.elements.includes(e));
      return alkali ? { ...(await this.windowOf(composition, formula, alkali)), representativeOf } : null;
    }
    return { ...(await this.windowOf(composition, formula, this.openElement(openElement, composition, 'openElement'))), representativeOf };
  }

  /**
   * What thermodynamics predicts at a reported interface, beside what was observed there, at the electrode's
   * operating potential (interphasePrediction.ts): against the electrolyte's own alkali metal, the equilibrium
   * at 0 V (the fully reduced assemblage, Zhu, He & Mo 2015); against a cathode, the most exothermic reaction
   * with its partner with the alkali open at the cathode's charged potential (`electrodePotentialV`, else the
   * default of its class); against anything else, the most exothermic reaction with its partner (Richards et
   * al. 2016). A reactant's own decomposition is never the prediction. Observations of other variants (doped,
   * hydrated, coated) are set aside, observed reactants and products with foreign elements left out of the
   * comparison. A named material is taken at its representative composition (NCA: LiNi0.8Co0.15Al0.05O2), and the
   * result lists it in `representativeOf`. Null for interfaces without two compositions (a family, a named material
   * without a representative composition, a potential, an environment).
   * @throws InvalidArgumentError('electrodePotential') outside 0–10 V.
   */
  async interphasePrediction(i: InterfaceRecord, electrodePotentialV: number | null = null): Promise<InterphasePredictionView | null> {
    if (electrodePotentialV !== null && (!Number.isFinite(electrodePotentialV) || electrodePotentialV < 0 || electrodePotentialV > 10)) {
      throw new InvalidArgumentError('electrodePotential', `must be 0–10 V vs the alkali metal (e.g. Li/Li+), got ${electrodePotentialV}`);
    }
    if (!i.electrolyteId || !i.counterpartId) return null;
    const [electrolyte, counterpart, observations] = await Promise.all([
      this.loaders.materialById.load(i.electrolyteId),
      this.loaders.materialById.load(i.counterpartId),
      this.loaders.related('observationsByInterface').load(i.id),
    ]);
    const et = electrolyte ? targetOf(electrolyte) : null;
    const ct = counterpart ? targetOf(counterpart) : null;
    if (!et || !ct || et.composition.key === ct.composition.key) return null;
    const [e, c] = [et.composition, ct.composition];
    const representativeOf = [et.representativeOf, ct.representativeOf].filter((id): id is string => id !== null);
    if (new Set([...e.elements, ...c.elements]).size > MAX_ELEMENTS) return null;
    const electrode = electrodeOf(e, c);
    const potential = electrodePotential(electrode, electrodePotentialV);
    const computed = await this.predictedAt(electrode, potential, et, ct);
    const { compared, setAside, comparison, verdict } = await this.compareWith(computed, observations, [e.key, c.key], [...new Set([...e.elements, ...c.elements])]);
    return {
      method: computed.method,
      status: computed.status,
      reason: computed.reason,
      electrolyteFormula: et.formula,
      counterpartFormula: ct.formula,
      representativeOf,
      electrodeClass: electrode.electrodeClass,
      electrodePotentialV: potential,
      referenceElectrode: potential === null ? null : `${electrode.openElement}/${electrode.openElement}+`,
      predictedProducts: computed.predicted,
      observedProductIds: [...new Set(compared.flatMap((o) => o.productIds))],
      comparedObservationIds: compared.map((o) => o.id),
      setAsideObservations: setAside,
      ...comparison,
      disagrees: verdict.disagrees,
      disagreementReason: verdict.reason,
      reaction: computed.kink,
      window: computed.window,
    };
  }

  /** The prediction at one interface: the equilibrium at the metal, or the most exothermic reaction with the partner (at the potential, if any). */
  private async predictedAt(electrode: Electrode, potential: number | null, electrolyte: ThermoTarget, counterpart: ThermoTarget): Promise<Prediction> {
    if (electrode.electrodeClass === 'ALKALI_METAL') {
      const metal = electrode.openElement!;
      const window = await this.windowOf(electrolyte.composition, electrolyte.formula, metal);
      const profile = await this.voltageProfile(window);
      const predicted = window.stableAgainstMetal ? [] : (profile[0]?.phases ?? []);
      const summary = window.status !== 'COMPUTED'
        ? 'not computed'
        : window.stableAgainstMetal
          ? `stable against ${metal} metal (0 V)`
          : `reduced below ${round(window.reductionLimitV!)} V vs ${metal}/${metal}+, to ${predicted.map((p) => p.formula).join(' + ')} at 0 V`;
      return { method: 'EQUILIBRIUM_AT_METAL', status: window.status, reason: window.reason, predicted, kink: null, window, summary };
    }
    const open = potential === null ? null : electrode.openElement;
    const r = await this.reactionOf(electrolyte, counterpart, open, potential);
    const kink = r.mostExothermicWithPartner;
    const predicted = kink ? kink.products : [];
    const at = potential === null ? '' : ` at ${potential} V vs ${open}/${open}+`;
    const summary = kink ? `reacts${at} to ${predicted.map((p) => p.formula).join(' + ')} (${round(kink.mixingEnergyEvPerAtom * 1000)} meV/atom)` : `no reaction with the partner${at}`;
    return { method: open ? 'REACTION_AT_ELECTRODE_POTENTIAL' : 'MOST_EXOTHERMIC_REACTION', status: r.status, reason: r.reason, predicted, kink, window: null, summary };
  }

  /**
   * The prediction beside the observations: those of other variants set aside, the products compared
   * (reactants and foreign elements apart) and whether computation and report disagree.
   */
  private async compareWith(computed: Prediction, observations: InterphaseObservationRecord[], reactants: string[], system: string[]) {
    const { compared, setAside } = await this.comparable(observations);
    const products = await this.productsOf(compared);
    const predicted = computed.predicted.map((p) => ({ key: p.compositionKey, label: p.formula, elements: [] }));
    const comparison = compareProducts(predicted, [...products.values()], reactants, system);
    const productCount = (o: InterphaseObservationRecord) => comparableProducts(o.productIds.flatMap((id) => products.get(id) ?? []), reactants, system).length;
    const verdict = disagreement({ reacts: computed.predicted.length > 0, summary: computed.summary }, compared.map((o) => ({ ...o, productCount: productCount(o) })));
    return { compared, setAside, comparison, verdict };
  }

  /** The observations the computation of the two plain compositions can be compared with, and the others with the reason each is set aside. */
  private async comparable(observations: InterphaseObservationRecord[]): Promise<{ compared: InterphaseObservationRecord[]; setAside: SetAsideObservationView[] }> {
    const variantIds = [...new Set(observations.flatMap((o) => [o.variantId, o.counterpartVariantId]).filter((v): v is string => !!v))];
    const variants = new Map((await this.loaders.variantById.loadMany(variantIds)).flatMap((v) => (v && !(v instanceof Error) ? [[v.id, v] as const] : [])));
    const variant = (id: string | null | undefined): VariantLike | null => {
      const v = id ? variants.get(id) : undefined;
      return v ? { labels: v.labels, dopantElements: v.dopants.map((d) => d.element) } : null;
    };
    const compared: InterphaseObservationRecord[] = [];
    const setAside: SetAsideObservationView[] = [];
    for (const o of observations) {
      const reason = setAsideReason({
        id: o.id,
        counterpartText: o.counterpartText ?? null,
        conditions: o.conditions ?? null,
        stabilityClass: o.stabilityClass ?? null,
        electrolyteVariant: variant(o.variantId),
        counterpartVariant: variant(o.counterpartVariantId),
      });
      if (reason) setAside.push({ observationId: o.id, reason });
      else compared.push(o);
    }
    return { compared, setAside };
  }

  /** The products of the observations by material id, as compositions (named materials by name). */
  private async productsOf(observations: readonly InterphaseObservationRecord[]): Promise<Map<string, ProductLike>> {
    const ids = [...new Set(observations.flatMap((o) => o.productIds))];
    const materials = (await this.loaders.materialById.loadMany(ids)).filter((m): m is MaterialRecord => !!m && !(m instanceof Error));
    return new Map(materials.map((m) => [m.id, { key: m.kind === 'COMPOSITION' ? m.id : null, label: m.formula ?? m.name, elements: m.elements }]));
  }

  /**
   * For a collapsed window (a composition stable at one potential only: off-stoichiometric, absent from the
   * data or above the hull), the windows of the phases it decomposes into that hold the open element (a
   * phase without it has no window against that reservoir); empty for any other window.
   */
  async decompositionWindows(w: StabilityWindowView): Promise<StabilityWindowView[]> {
    if (w.status !== 'COMPUTED' || !w.collapsed) return [];
    const phases = w.competingPhases.filter((p) => p.compositionKey !== w.compositionKey);
    const windows = phases.flatMap((p) => {
      const c = this.composition(p.formula, 'formula');
      return c.elementCount >= 2 && c.elements.includes(w.openElement) ? [this.windowOf(c, p.formula, w.openElement)] : [];
    });
    return Promise.all(windows);
  }

  /** The voltage profile of a computed window (empty when the window was not computed). */
  async voltageProfile(w: StabilityWindowView): Promise<VoltageStepView[]> {
    if (w.status !== 'COMPUTED') return [];
    const composition = this.composition(w.formula, 'formula');
    const table = await this.phaseTable();
    // cached per composition (per atom); converted to the formula unit of the formula as asked
    const { steps, atomsPerFormulaUnit: perTarget } = await this.engine.compute<ProfileData>(table.revision, `profile|${w.cacheKey}`, 'voltageProfile', () => ({
      kind: 'profile',
      table,
      composition: pairs(composition),
      open: w.openElement,
    }));
    const perFu = atomsPerFormulaUnit(composition);
    return steps.map((s) => ({
      fromV: s.fromV,
      toV: s.toV,
      uptakePerFormulaUnit: clean((s.uptakePerFormulaUnit / perTarget) * perFu),
      phases: amounts(s.phases, perFu),
    }));
  }

  /** Energy above hull and decomposition of a material named in any way (GraphQL `decomposition`); see `target`. */
  async decomposition(text: string): Promise<DecompositionView> {
    const { composition, formula, representativeOf } = await this.target(text, 'formula');
    const table = await this.phaseTable();
    const { target, dataSources, elementsWithoutData } = await this.engine.compute<DecompositionData>(table.revision, `assess|${composition.key}`, 'decomposition', () => ({
      kind: 'decomposition',
      table,
      composition: pairs(composition),
    }));
    const base = { ...targetView(formula, composition, target, dataSources), representativeOf };
    if (elementsWithoutData.length > 0) {
      return { ...base, status: 'ELEMENT_WITHOUT_DATA', reason: `the phase data hold no entry with ${elementsWithoutData.join(', ')}`, phases: [], competingPhases: [] };
    }
    const perFu = atomsPerFormulaUnit(composition);
    return { ...base, status: 'COMPUTED', reason: null, phases: amounts(target.decomposition ?? [], perFu), competingPhases: amounts(target.competingPhases, perFu) };
  }

  /** Interface reaction of two materials named in any way (GraphQL `interfaceReaction`); see `target`. */
  async interfaceReaction(textA: string, textB: string, openElement: string | null | undefined, voltageV: number | null | undefined): Promise<InterfaceReactionView> {
    // both settled before answering, so that a request refused for one reactant leaves no work running for the other
    const settled = await Promise.allSettled([this.target(textA, 'reactantA'), this.target(textB, 'reactantB')]);
    const refused = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (refused) throw refused.reason;
    const [a, b] = settled.map((s) => (s as PromiseFulfilledResult<ThermoTarget>).value) as [ThermoTarget, ThermoTarget];
    const view = await this.reactionOf(a, b, openElement, voltageV);
    return { ...view, reactantA: { ...view.reactantA, representativeOf: a.representativeOf }, reactantB: { ...view.reactantB, representativeOf: b.representativeOf } };
  }

  private async reactionOf(
    targetA: ThermoTarget,
    targetB: ThermoTarget,
    openElement: string | null | undefined,
    voltageV: number | null | undefined,
  ): Promise<InterfaceReactionView> {
    const { composition: a, formula: reactantA } = targetA;
    const { composition: b, formula: reactantB } = targetB;
    if (a.key === b.key) throw new InvalidArgumentError('reactantB', `is the same composition as reactantA (${a.reducedFormula})`);
    let open: { element: string; voltageV: number } | null = null;
    if (openElement != null || voltageV != null) {
      if (openElement == null) throw new InvalidArgumentError('openElement', 'is required with voltageV');
      if (voltageV == null) throw new InvalidArgumentError('voltageV', 'is required with openElement');
      if (!Number.isFinite(voltageV) || voltageV < 0 || voltageV > 10) throw new InvalidArgumentError('voltageV', `must be 0–10 V vs ${openElement}/${openElement}+, got ${voltageV}`);
      open = { element: this.alkali(openElement, 'openElement'), voltageV };
    }
    const elements = [...new Set([...a.elements, ...b.elements, ...(open ? [open.element] : [])])].sort();
    if (elements.length > MAX_ELEMENTS) throw new InvalidArgumentError('reactantB', `the two reactants span ${elements.length} elements; at most ${MAX_ELEMENTS}`);
    if (open) {
      const el = open.element;
      if (a.elements.every((e) => e === el) || b.elements.every((e) => e === el)) {
        throw new InvalidArgumentError(a.elements.every((e) => e === el) ? 'reactantA' : 'reactantB', `is the open element ${el} itself, which is the reservoir`);
      }
      if (!a.elements.includes(el) && !b.elements.includes(el)) throw new InvalidArgumentError('openElement', `${el} is in neither reactant`);
      const without = (c: Composition) => new Composition(c.entries().filter((x) => x.element !== el).map((x) => [x.element, x.amount] as const)).key;
      if (without(a) === without(b)) throw new InvalidArgumentError('reactantB', `apart from the open element ${el} it has the composition of reactantA: there is nothing to mix`);
    }
    const table = await this.phaseTable();
    // per formula unit, kJ/mol and the reaction text follow the formulas as written: they are part of the key
    const key = `rxn|${a.toString()}|${b.toString()}|${open ? `${open.element}@${open.voltageV}` : ''}`;
    const { reaction, dataSources, elementsWithoutData } = await this.engine.compute<ReactionTaskData>(table.revision, key, 'interfaceReaction', () => ({
      kind: 'reaction',
      table,
      elements,
      a: pairs(a),
      b: pairs(b),
      open,
    }));
    const base = {
      chemicalSystem: elements.join('-'),
      openElement: open?.element ?? null,
      voltageV: open?.voltageV ?? null,
      referenceElectrode: open ? `${open.element}/${open.element}+` : null,
      dataSources,
    };
    const reactant = (formula: string, c: Composition): ReactantView => ({
      formula,
      compositionKey: c.key,
      energyEvPerAtom: null,
      energySource: 'HULL',
      hullEnergyEvPerAtom: null,
      ownDecompositionEnergyEvPerAtom: null,
      ownDecompositionProducts: [],
    });
    if (!reaction) {
      return {
        ...base,
        reactantA: reactant(reactantA, a),
        reactantB: reactant(reactantB, b),
        status: 'ELEMENT_WITHOUT_DATA',
        reason: `the phase data hold no entry with ${elementsWithoutData.join(', ')}`,
        kinks: [],
        mostExothermic: null,
        mostExothermicIs: null,
        mostExothermicWithPartner: null,
      };
    }
    return {
      ...base,
      ...reaction,
      reactantA: { ...reaction.reactantA, formula: reactantA },
      reactantB: { ...reaction.reactantB, formula: reactantB },
      status: 'COMPUTED',
      reason: null,
    };
  }

  /**
   * Adds a user's formation energy (eV/atom, -10 to 10) owned by `principal`'s key; it takes part in every
   * later computation, marked as theirs. The entry and its change set (PhaseEntry, ADD) are written in one
   * transaction, and the change published after the commit. The caller checks the role (contributor) first.
   */
  async addPhaseEntry(input: AddPhaseEntryInput, principal: Principal): Promise<PhaseEntryRecord> {
    const composition = this.composition(input.formula, 'input.formula');
    const e = input.formationEnergyEvPerAtom;
    if (!Number.isFinite(e) || Math.abs(e) > USER_ENERGY_LIMIT) {
      throw new InvalidArgumentError('input.formationEnergyEvPerAtom', `must be a formation energy between -${USER_ENERGY_LIMIT} and ${USER_ENERGY_LIMIT} eV/atom, got ${e}`);
    }
    if (composition.elementCount === 1) checkElementalEnergy(composition.elements[0]!, e);
    const label = input.label.trim();
    if (label.length === 0 || label.length > 200) throw new InvalidArgumentError('input.label', 'must be 1–200 characters (who computed it, how)');
    const note = input.note?.trim() || null;
    if (note && note.length > 2000) throw new InvalidArgumentError('input.note', 'must be at most 2000 characters');
    const { entry, revision, changeSet, change } = await this.stores.phaseData.addUserEntry(
      { id: `user:${crypto.randomUUID()}`, ...compositionFields(composition), formationEnergyEvPerAtom: e, rows: 1, label, note, owner: principal.keyId },
      { keyId: principal.keyId, operation: 'addPhaseEntry' },
    );
    this.engine.noteRevision(revision);
    this.events.publish(factsChangedEvent(changeSet, [change]));
    return entry;
  }

  /**
   * Removes a user's entry: `{ removed: false }` when no user entry has this id; `refusedOwner` (nothing
   * written) when `principal` is neither its owner nor a curator. Only entries added through addPhaseEntry
   * (source USER) can be removed, never imported ones. The removal and its change set (PhaseEntry, REMOVE)
   * are written in one transaction, and the change published after the commit.
   * @throws InvalidArgumentError naming `id` when it is not a user entry's id
   */
  async removePhaseEntry(id: string, principal: Principal): Promise<{ removed: boolean; refusedOwner?: string | null }> {
    if (!/^user:[0-9a-f-]{36}$/.test(id)) throw new InvalidArgumentError('id', `'${excerpt(id)}' is not the id of a user's phase entry ('user:<uuid>'); dataset entries cannot be removed`);
    const result = await this.stores.phaseData.removeUserEntry(id, { keyId: principal.keyId, operation: 'removePhaseEntry' }, roleAllows(principal.role, 'curator'));
    if (!result.removed) return result;
    this.engine.noteRevision(result.revision);
    this.events.publish(factsChangedEvent(result.changeSet, [result.change]));
    return { removed: true };
  }

  phaseEntry(id: string): Promise<PhaseEntryRecord | null> {
    return this.loaders.phaseEntryById.load(id);
  }

  // ---- internals

  private async windowOf(composition: Composition, formula: string, open: string): Promise<StabilityWindowView> {
    const table = await this.phaseTable();
    const w = await this.engine.compute<WindowData>(table.revision, `window|${composition.key}|${open}`, 'stabilityWindow', () => ({
      kind: 'window',
      table,
      composition: pairs(composition),
      open,
    }));
    const perFu = atomsPerFormulaUnit(composition);
    return {
      ...targetView(formula, composition, w.target, w.dataSources),
      openElement: open,
      referenceElectrode: `${open}/${open}+`,
      status: w.status,
      reason: w.reason,
      reductionLimitV: w.reductionLimitV,
      oxidationLimitV: w.oxidationLimitV,
      stableAgainstMetal: w.stableAgainstMetal,
      collapsed: w.collapsed,
      stabilized: w.stabilized,
      productsAtReduction: amounts(w.productsAtReduction, perFu),
      productsAtOxidation: amounts(w.productsAtOxidation, perFu),
      competingPhases: amounts(w.target.competingPhases, perFu),
      cacheKey: `${composition.key}|${open}`,
    };
  }

  /**
   * The composition a thermodynamics argument names, through the one material resolver (materialRef.ts):
   * a name wins over reading the text as a formula, so 'LLZO' is Li7La3Zr2O12 (its curated formula is
   * then the formula the result is given per formula unit of), while 'LiPON' is not read as Li, P, O, N.
   * A named material with a representative composition (NCA, LiPON, LAGP: Material.representativeFormula) is
   * taken at it, and the target says so (`representativeOf`).
   * @throws InvalidArgumentError(arg) for a named material without a representative composition, a
   *   doped variant whose composition the sources do not fix (LLZTO), an ambiguous name, an unreadable
   *   formula, or more than MAX_ELEMENTS elements. A polymorph's name (c-LLZO, β-Li3PS4) is its
   *   material's composition: the phase data hold the lowest-energy polymorph of each composition.
   */
  private async target(text: string, arg: string): Promise<ThermoTarget> {
    const ref = await resolveMaterial(this.stores.materials, text, arg);
    if (ref.via === 'FORMULA') return { composition: this.composition(text, arg), formula: text.trim(), representativeOf: null };
    const what = `'${excerpt(text.trim())}' names the material ${ref.materialId} '${ref.materialName}'`;
    if (ref.kind === 'NAMED' || !ref.formula) {
      const representative = ref.variant ? null : (await this.loaders.materialById.load(ref.materialId))?.representativeFormula;
      if (representative) return { composition: this.composition(representative, arg), formula: representative, representativeOf: ref.materialId };
      throw new InvalidArgumentError(arg, `${what}, which has no single composition; give a formula to compute it (e.g. one composition of it)`);
    }
    if (ref.variant && ref.variant.dopants.length > 0) {
      const label = ref.variant.labels[0] ?? ref.variant.dopants.map((d) => d.element).join(', ') + '-doped';
      throw new InvalidArgumentError(
        arg,
        `'${excerpt(text.trim())}' names the ${label} variant of ${ref.formula} (${ref.variant.id}), whose composition the sources do not fix; give the doped composition as a formula`,
      );
    }
    return { composition: this.composition(ref.formula, arg), formula: ref.formula, representativeOf: null };
  }

  private composition(formula: string, arg: string): Composition {
    let c: Composition;
    try {
      c = parseFormula(formula);
    } catch (e) {
      if (e instanceof DomainError) throw new InvalidArgumentError(arg, e.message);
      throw e;
    }
    if (c.elementCount > MAX_ELEMENTS) throw new InvalidArgumentError(arg, `'${excerpt(formula)}' has ${c.elementCount} elements; at most ${MAX_ELEMENTS}`);
    return c;
  }

  private alkali(symbol: string, arg: string): OpenElement {
    if (!isElementSymbol(symbol)) throw new InvalidArgumentError(arg, `'${excerpt(symbol)}' is not an element symbol`);
    if (!(OPEN_ELEMENTS as readonly string[]).includes(symbol)) {
      throw new InvalidArgumentError(arg, `'${excerpt(symbol)}' is not a reservoir the window is defined for; use ${OPEN_ELEMENTS.join(', ')} (one-electron alkali ions)`);
    }
    return symbol as OpenElement;
  }

  private openElement(symbol: string, composition: Composition, arg: string): OpenElement {
    const open = this.alkali(symbol, arg);
    if (!composition.elements.includes(open)) throw new InvalidArgumentError(arg, `${open} is not in the composition ${composition.toString()}`);
    if (composition.elementCount < 2) throw new InvalidArgumentError('formula', `${composition.toString()} is the open element itself; a stability window needs at least one other element`);
    return open;
  }
}

/** What thermodynamics predicts at one interface, before the comparison with what was observed. */
interface Prediction {
  method: InterphasePredictionView['method'];
  status: ThermoStatus;
  reason: string | null;
  predicted: PhaseAmountView[];
  kink: InterfaceKinkView | null;
  window: StabilityWindowView | null;
  /** The prediction in a few words, for the reason of a disagreement. */
  summary: string;
}

/** A potential or an energy to 3 decimals, for text. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * What a thermodynamics argument resolved to: the composition, the formula results are given per formula
 * unit of, and the named material whose representative composition it is (null for a composition).
 */
interface ThermoTarget {
  composition: Composition;
  formula: string;
  representativeOf: string | null;
}

/**
 * The composition thermodynamics takes for a material: its own, or, for a named material without one
 * (NCA, LiPON, LAGP), the representative composition the seed curates for it (Material.representativeFormula,
 * labelled as such in every result: `representativeOf`); null when it has neither.
 */
function targetOf(m: MaterialRecord): ThermoTarget | null {
  if (m.kind === 'COMPOSITION') {
    if (m.composition.length === 0 || !m.formula) return null;
    return { composition: new Composition(m.composition.map((c) => [c.element, c.amount] as const)), formula: m.formula, representativeOf: null };
  }
  if (!m.representativeFormula) return null;
  try {
    return { composition: parseFormula(m.representativeFormula), formula: m.representativeFormula, representativeOf: m.id };
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}

/** Atoms per reduced formula unit of a formula as written (PhaseSpace.targetPhase): integral compositions reduced, fractional ones as written. */
function atomsPerFormulaUnit(c: Composition): number {
  return c.isIntegral ? c.integerProportions().reduce((s, r) => s + r.amount, 0) : c.totalAtoms;
}

function targetView(formula: string, composition: Composition, t: TargetData, dataSources: TargetView['dataSources']): TargetView {
  return {
    formula,
    compositionKey: composition.key,
    reducedFormula: composition.reducedFormula,
    chemicalSystem: composition.chemicalSystem,
    energySource: t.energySource,
    formationEnergyEvPerAtom: t.formationEnergyEvPerAtom,
    hullEnergyEvPerAtom: t.hullEnergyEvPerAtom,
    hullEnergyOfOthersEvPerAtom: t.hullEnergyOfOthersEvPerAtom,
    phaseSeparationEnergyEvPerAtom: t.phaseSeparationEnergyEvPerAtom,
    energyAboveHullEvPerAtom: t.energyAboveHullEvPerAtom,
    targetEntryId: t.targetEntryId,
    dataSources,
    representativeOf: null,
  };
}

function pairs(c: Composition): [string, number][] {
  return c.entries().map((e) => [e.element, e.amount]);
}

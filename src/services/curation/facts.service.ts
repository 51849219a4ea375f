/**
 * Adding and changing facts through the API: each submission is checked field by field first
 * (domain/curation/validation.ts: nothing is written while any field is wrong, every problem is reported),
 * then looked for in the graph (a fact it repeats is reported as DUPLICATE and not stored twice), then written
 * with its change set in one transaction (graph/curation.store.ts); the change event is published after the
 * commit. The caller (the resolver) has checked the API key's role.
 *
 * A contributor's addition is held as a proposal (status PROPOSED, read by no list) while PROPOSALS_REQUIRED is
 * on, until a curator accepts it; a curator's is added at once.
 */
import { DuplicateFactError } from '../../graph/curation.store.js';
import { randomUUID } from 'node:crypto';
import type { ChangeSetRecord } from '../../domain/curation/changes.js';
import type { Principal } from '../../domain/curation/roles.js';
import {
  checkFormula,
  checkPotential,
  checkProvenance,
  checkQuantity,
  checkTemperature,
  checkText,
  fieldError,
  firstAuthorSurname,
  MAX_LONG_TEXT,
  type CitationInput,
  type FieldError,
  type ProvenanceInput,
} from '../../domain/curation/validation.js';
import { chemicalClass } from '../../domain/chemicalClass.js';
import { doiUrl } from '../../domain/doi.js';
import type { StructuralFamily } from '../../domain/families.js';
import { nameKey } from '../../domain/materialNames.js';
import type { FactStatus } from '../../domain/model/curation.kind.js';
import { SOURCE } from '../../domain/model/fact.kind.js';
import { MATERIAL, MATERIAL_VARIANT } from '../../domain/model/material.kind.js';
import { isElementSymbol } from '../../domain/chemistry/elements.js';
import { MEASUREMENT, type ConductivityContribution } from '../../domain/model/measurement.kind.js';
import { MATERIAL_NAME } from '../../domain/model/materialName.kind.js';
import { PUBLICATION } from '../../domain/model/publication.kind.js';
import { STABILITY_WINDOW } from '../../domain/model/stabilityWindow.kind.js';
import { CLAIM } from '../../domain/model/claim.kind.js';
import { CELL, CELL_COMPONENT, CELL_CONDITIONS, HAS_RESULT } from '../../domain/model/cell.kind.js';
import { APPLIED_ON, COATING_APPLICATION, HAS_EFFECT, PAIRED_WITH } from '../../domain/model/coating.kind.js';
import { INTERFACE } from '../../domain/model/interface.kind.js';
import { EVIDENCE, INTERPHASE_OBSERVATION, INTERPHASE_PRODUCT } from '../../domain/model/interphaseObservation.kind.js';
import type { CellType, CoatingRole, ComponentRole, DepositionMethod, InterphaseType, StabilityClass, Technique } from '../../domain/vocabulary.js';
import type { ChemicalClass } from '../../domain/chemicalClass.js';
import type { ClaimKind, ReferenceScale, WindowMethod } from '../../domain/vocabulary.js';
import { publicationKey } from '../../domain/publicationKey.js';
import { canonicalUnit, type PropertyKind } from '../../domain/units/properties.js';
import { QUALIFIER_SYMBOL, type Qualifier } from '../../domain/values/printedValue.js';
import { CurationConflictError, curationProps, type CurationStore, type FactKindLabel, type FactVersionRecord, type FoundFact } from '../../graph/curation.store.js';
import {
  cellCorrection,
  claimCorrection,
  coatingCorrection,
  observationCorrection,
  windowCorrection,
  type CellCorrection,
  type ClaimCorrection,
  type CoatingCorrection,
  type Correction,
  type ObservationCorrection,
  type WindowCorrection,
} from './corrections.js';
import type { MaterialStore } from '../../graph/material.store.js';
import { somePropsOf, sourceProps, storedProps } from '../../graph/nodeKinds.js';
import { InvalidArgumentError } from '../errors.js';
import { resolveMaterial } from '../materialRef.js';
import type { ChangeEvents } from './changeEvents.js';
import { MAX_PARTS, storedEffect, storedPotential, storedQuantity, storedResult, tooMany, type CellConditionsInput, type EffectInput, type ResultInput, type StoredValue } from './storedValues.js';

/** What a write did. */
export type CurationStatus = 'ADDED' | 'PROPOSED' | 'DUPLICATE' | 'CORRECTED' | 'RETRACTED' | 'ACCEPTED' | 'REJECTED' | 'REVERTED' | 'INVALID';

/** The answer of every write: what it did, the entity's id, or the problems of the submission (nothing written). */
export interface CurationResult {
  ok: boolean;
  status: CurationStatus;
  /** The entity written or matched (a fact's id, a publication's key, a material's id); null when invalid. */
  id: string | null;
  errors: FieldError[];
  /** The entity a duplicate submission repeats. */
  duplicateOf: string | null;
  /** The change set the write was recorded in. */
  changeSetId: string | null;
}

export interface CurationOptions {
  /** PROPOSALS_REQUIRED: a contributor's additions wait for a curator. */
  proposalsRequired: boolean;
}

export interface PublicationInput {
  doi?: string | null;
  citation?: CitationInput | null;
}

export interface MaterialInput {
  formula: string;
  name?: string | null;
  family?: StructuralFamily | null;
  description?: string | null;
}

/** A value of a property: a number (EQUAL, APPROXIMATE, REPORTED_MAXIMUM, LESS_THAN, GREATER_THAN) or a range (min, max), in `unit`. */
export interface ValueInput {
  qualifier?: Qualifier | null;
  value?: number | null;
  min?: number | null;
  max?: number | null;
  unit?: string | null;
  uncertainty?: number | null;
}

export interface ConditionsInput {
  contribution?: ConductivityContribution | null;
  temperature?: number | null;
  temperatureUnit?: string | null;
  method?: string | null;
  computed?: boolean | null;
  sampleForm?: string | null;
  atmosphere?: string | null;
  conditions?: string | null;
}

export interface MeasurementInput extends ValueInput, ConditionsInput {
  material: string;
  /** The variant of the material measured (its id, from addVariant or the material's `variants`). */
  variant?: string | null;
  property: PropertyKind;
  provenance?: ProvenanceInput | null;
}

export type MeasurementCorrection = ValueInput & ConditionsInput;

/** A claim: what kind of statement, in one sentence, about which materials, families, classes and properties. */
export interface ClaimInput {
  kind: ClaimKind;
  statement: string;
  materials?: string[] | null;
  families?: StructuralFamily[] | null;
  chemicalClasses?: ChemicalClass[] | null;
  properties?: PropertyKind[] | null;
  provenance?: ProvenanceInput | null;
}

/** A variant of a material: polymorph, form and/or dopants, or at least a label. */
export interface VariantInput {
  material: string;
  polymorph?: string | null;
  form?: string | null;
  dopants?: { element: string; site?: string | null; amount?: string | null }[] | null;
  label?: string | null;
}

/** An interphase observed at the interface of an electrolyte and a counterpart material: products, character, evidence. */
export interface ObservationInput {
  electrolyte: string;
  counterpart: string;
  counterpartText?: string | null;
  products?: string[] | null;
  productsText?: string | null;
  potential?: number | null;
  thickness?: number | null;
  thicknessUnit?: string | null;
  conditions?: string | null;
  stabilityClass?: StabilityClass | null;
  interphaseType?: InterphaseType | null;
  characterText?: string | null;
  computed?: boolean | null;
  evidence?: { technique: Technique; text?: string | null }[] | null;
  provenance?: ProvenanceInput | null;
}

/** A coating or interlayer applied on a substrate, paired with an electrolyte, and its effects. */
export interface CoatingInput {
  coating: string;
  substrate?: string | null;
  substrateText?: string | null;
  electrolyte?: string | null;
  role: CoatingRole;
  method: DepositionMethod;
  methodText?: string | null;
  thickness?: number | null;
  thicknessUnit?: string | null;
  loading?: string | null;
  effectText: string;
  effects?: EffectInput[] | null;
  provenance?: ProvenanceInput | null;
}

/** A cell test: its type, components, conditions and results. */
export interface CellInput extends CellConditionsInput {
  cellType: CellType;
  components: { material: string; role: ComponentRole; text?: string | null }[];
  results?: ResultInput[] | null;
  resultText: string;
  provenance?: ProvenanceInput | null;
}

/** Most dopants one variant names. */
const MAX_DOPANTS = 10;

/** Most materials one claim names. */
const MAX_CLAIM_MATERIALS = 20;

/** A reported stability window: its limits in V vs the scale's reference electrode. */
export interface WindowInput {
  material: string;
  reduction?: number | null;
  oxidation?: number | null;
  reductionText?: string | null;
  oxidationText?: string | null;
  scale?: ReferenceScale | null;
  method?: WindowMethod | null;
  methodText?: string | null;
  provenance?: ProvenanceInput | null;
}

/** How an error names a fact of each kind. */
const CORRECTED_KIND: Record<FactKindLabel, string> = {
  Measurement: 'measurement',
  StabilityWindow: 'reported window',
  Claim: 'claim',
  InterphaseObservation: 'interphase observation',
  CoatingApplication: 'coating application',
  Cell: 'cell test',
};

const invalid = (errors: FieldError[]): CurationResult => ({ ok: false, status: 'INVALID', id: null, errors, duplicateOf: null, changeSetId: null });
const duplicate = (id: string): CurationResult => ({ ok: false, status: 'DUPLICATE', id, errors: [], duplicateOf: id, changeSetId: null });
const done = (status: CurationStatus, id: string, changeSet: ChangeSetRecord): CurationResult => ({ ok: true, status, id, errors: [], duplicateOf: null, changeSetId: changeSet.id });

export class CurationService {
  constructor(
    private readonly store: CurationStore,
    private readonly materials: MaterialStore,
    private readonly events: ChangeEvents,
    private readonly options: CurationOptions,
  ) {}

  /** Adds a publication by DOI and/or full citation; one the graph has (same key or DOI) is a DUPLICATE. */
  async addPublication(who: Principal, input: PublicationInput, field = 'input'): Promise<CurationResult> {
    const checked = this.publication(who, input, field);
    if (checked.errors.length) return invalid(checked.errors);
    const existing = await this.store.publicationKey(checked.key, checked.doi);
    if (existing) return duplicate(existing);
    const changeSet = await this.store.addPublication({ key: checked.key, props: checked.props }, this.audit(who, 'addPublication', null));
    this.publish(changeSet, [checked.key], []);
    return done('ADDED', checked.key, changeSet);
  }

  /** Adds a material of a composition (its id the composition key); one the graph has is a DUPLICATE. */
  async addMaterial(who: Principal, input: MaterialInput, field = 'input'): Promise<CurationResult> {
    const { composition, errors } = checkFormula(`${field}.formula`, input.formula);
    errors.push(...checkText(`${field}.name`, input.name), ...checkText(`${field}.description`, input.description, { max: MAX_LONG_TEXT }));
    if (errors.length || !composition) return invalid(errors);
    const id = composition.key;
    if (await this.materials.byIds([id]).then(([m]) => m != null)) return duplicate(id);
    const family = input.family ?? null;
    const name = input.name?.trim() || composition.reducedFormula;
    const props = sourceProps(MATERIAL, 'curated', {
      name,
      kind: 'COMPOSITION',
      description: input.description ?? null,
      formula: input.formula.trim(),
      reportedFormulas: [input.formula.trim()],
      reducedFormula: composition.reducedFormula,
      composition: composition.entries(),
      elements: composition.elements,
      elementCount: composition.elementCount,
      chemicalSystem: composition.chemicalSystem,
      chemicalClass: chemicalClass(composition, family),
      family,
    });
    const names = name !== composition.reducedFormula ? [storedProps(MATERIAL_NAME, { key: nameKey(name), text: name, kind: 'NAME', review: null, variantId: null })] : [];
    const changeSet = await this.store.addMaterial({ id, props, names }, this.audit(who, 'addMaterial', null));
    this.publish(changeSet, [id], [id]);
    return done('ADDED', id, changeSet);
  }

  /**
   * Adds a measurement of a material (by id, name or formula: services/materialRef.ts) credited to a
   * publication (by DOI; created with it when a full citation is given). One that repeats a current or
   * proposed measurement (same material, property, contribution, temperature within 0.01 K, publication and
   * value) is a DUPLICATE.
   */
  async addMeasurement(who: Principal, input: MeasurementInput, field = 'input'): Promise<CurationResult> {
    const errors: FieldError[] = [];
    const value = this.value(input, input.property, field, errors);
    const temperature = checkTemperature(`${field}.temperature`, input.temperature, input.temperatureUnit ?? 'K');
    errors.push(...temperature.errors, ...conditionErrors(input, field));
    const provenance = checkProvenance(`${field}.provenance`, input.provenance, thisYear());
    errors.push(...provenance.errors);
    const materialId = await this.materialId(input.material, `${field}.material`, errors);
    if (materialId && input.variant != null) await this.checkVariant(input.variant, materialId, `${field}.variant`, errors);
    const publication = provenance.errors.length ? null : await this.creditedPublication(who, input.provenance!, provenance.doi, `${field}.provenance`, errors);
    if (errors.length || !value || !materialId || !publication) return invalid(errors);

    const identity = { materialId, variantId: input.variant ?? null, publicationKey: publication.key, property: input.property, contribution: input.contribution ?? null, temperatureK: temperature.kelvin, ...value.identity };
    const recheck = () => this.store.duplicateMeasurement(identity);
    const repeated = await recheck();
    if (repeated) return duplicate(repeated);

    const id = `curated:${randomUUID()}`;
    const status = this.options.proposalsRequired && who.role === 'contributor' ? 'PROPOSED' : 'CURRENT';
    const props = {
      ...storedProps(MEASUREMENT, {
        id,
        review: null,
        property: input.property,
        ...value.stored,
        ...conditionProps(input, temperature.kelvin),
        propertyText: null,
        family: null,
        basis: null,
        reportedFormula: input.material.trim(),
        reportedSiteComposition: null,
      }),
      ...curatedSource(who, input.provenance),
      ...curationProps(1, status === 'CURRENT' ? 'ADD' : 'PROPOSE', who.keyId, null),
    };
    const changeSet = await this.unlessRepeated(() => this.store.addFact(
      { kind: 'Measurement', materialId, variantId: input.variant ?? null, publicationKey: publication.key, newPublication: publication.create, props: props as typeof props & { id: string }, status },
      { ...this.audit(who, 'addMeasurement', null), recheck }));
    if ('duplicateOf' in changeSet) return duplicate(changeSet.duplicateOf);
    this.publish(changeSet, [id, ...(publication.create ? [publication.key] : [])], [materialId]);
    return done(status === 'CURRENT' ? 'ADDED' : 'PROPOSED', id, changeSet);
  }

  /**
   * Adds a variant of a material (a polymorph, a form, a doped version); its id is the material's and the
   * variant's attributes ('La3Li7O12Zr2|polymorph=cubic|api'). One with the same attributes is a DUPLICATE.
   */
  async addVariant(who: Principal, input: VariantInput, field = 'input'): Promise<CurationResult> {
    const dopants = input.dopants ?? [];
    const errors: FieldError[] = [...checkText(`${field}.polymorph`, input.polymorph, { max: 50 }), ...checkText(`${field}.form`, input.form, { max: 100 }), ...checkText(`${field}.label`, input.label, { max: 100 })];
    if (dopants.length > MAX_DOPANTS) errors.push(fieldError(`${field}.dopants`, 'TOO_LONG', `names ${dopants.length} dopants; at most ${MAX_DOPANTS} are accepted`));
    dopants.slice(0, MAX_DOPANTS).forEach((d, i) => {
      if (!isElementSymbol(d.element)) errors.push(fieldError(`${field}.dopants[${i}].element`, 'MALFORMED', `'${excerptId(d.element)}' is not an element symbol`));
      errors.push(...checkText(`${field}.dopants[${i}].site`, d.site, { max: 20 }), ...checkText(`${field}.dopants[${i}].amount`, d.amount, { max: 50 }));
    });
    if (!input.polymorph?.trim() && !input.form?.trim() && dopants.length === 0 && !input.label?.trim()) {
      errors.push(fieldError(`${field}.polymorph`, 'REQUIRED', 'give a polymorph, a form, dopants or at least a label'));
    }
    const materialId = await this.materialId(input.material, `${field}.material`, errors);
    if (errors.length || !materialId) return invalid(errors);

    const sorted = [...dopants].sort((a, b) => a.element.localeCompare(b.element));
    const parts = [
      input.polymorph?.trim() ? `polymorph=${input.polymorph.trim()}` : '',
      input.form?.trim() ? `form=${input.form.trim()}` : '',
      sorted.length ? `dopants=${sorted.map((d) => `${d.element}${d.site ? `@${d.site}` : ''}${d.amount != null ? `:${d.amount}` : ''}`).join(',')}` : '',
    ].filter(Boolean);
    const base = `${materialId}|${parts.length ? parts.join(';') : `label=${input.label!.trim()}`}`;
    // the seed's variant of these attributes, or one added before
    const recheck = async () => {
      for (const existing of [base, `${base}|api`]) if (await this.store.variantMaterial(existing)) return existing;
      return null;
    };
    const repeated = await recheck();
    if (repeated) return duplicate(repeated);
    const id = `${base}|api`;
    const props = storedProps(MATERIAL_VARIANT, {
      id,
      labels: input.label?.trim() ? [input.label.trim()] : [],
      polymorph: input.polymorph?.trim() || null,
      form: input.form?.trim() || null,
      dopants: sorted.map((d) => ({ element: d.element, site: d.site ?? null, amount: d.amount ?? null })),
    });
    const changeSet = await this.unlessRepeated(() => this.store.addVariant({ id, materialId, props }, { ...this.audit(who, 'addVariant', null), recheck }));
    if ('duplicateOf' in changeSet) return duplicate(changeSet.duplicateOf);
    this.publish(changeSet, [id], [materialId]);
    return done('ADDED', id, changeSet);
  }

  /**
   * Adds a reported stability window of a material: a reduction and/or an oxidation limit in V vs the scale's
   * reference (each within −5…10 V, reduction below oxidation), how it was obtained, and its publication. One
   * that repeats a current or proposed window (same material, publication, scale, method and limits) is a DUPLICATE.
   */
  async addReportedWindow(who: Principal, input: WindowInput, field = 'input'): Promise<CurationResult> {
    const errors: FieldError[] = [
      ...checkPotential(`${field}.reduction`, input.reduction),
      ...checkPotential(`${field}.oxidation`, input.oxidation),
      ...checkText(`${field}.reductionText`, input.reductionText),
      ...checkText(`${field}.oxidationText`, input.oxidationText),
      ...checkText(`${field}.methodText`, input.methodText),
    ];
    if (input.reduction == null && input.oxidation == null && !input.reductionText && !input.oxidationText) {
      errors.push(fieldError(`${field}.reduction`, 'REQUIRED', 'give a reduction or an oxidation limit (a potential or words)'));
    }
    if (input.reduction != null && input.oxidation != null && input.reduction >= input.oxidation) {
      errors.push(fieldError(`${field}.oxidation`, 'OUT_OF_RANGE', `the oxidation limit (${input.oxidation} V) must lie above the reduction limit (${input.reduction} V)`));
    }
    const provenance = checkProvenance(`${field}.provenance`, input.provenance, thisYear());
    errors.push(...provenance.errors);
    const materialId = await this.materialId(input.material, `${field}.material`, errors);
    const publication = provenance.errors.length ? null : await this.creditedPublication(who, input.provenance!, provenance.doi, `${field}.provenance`, errors);
    if (errors.length || !materialId || !publication) return invalid(errors);

    const scale = input.scale ?? 'LI';
    const method = input.method ?? 'NOT_STATED';
    const recheck = () => this.store.duplicateWindow({ materialId, publicationKey: publication.key, scale, method, reductionValue: input.reduction ?? null, oxidationValue: input.oxidation ?? null });
    const repeated = await recheck();
    if (repeated) return duplicate(repeated);

    const id = `curated:${randomUUID()}`;
    const status = this.options.proposalsRequired && who.role === 'contributor' ? 'PROPOSED' : 'CURRENT';
    const limit = (v: number | null | undefined) => (v == null ? null : storedPotential(v));
    const props = {
      ...storedProps(STABILITY_WINDOW, {
        id,
        review: null,
        scale,
        method,
        methodText: input.methodText ?? null,
        family: null,
        reductionQuantity: limit(input.reduction),
        reductionText: input.reductionText ?? null,
        hasReduction: input.reduction != null || !!input.reductionText,
        oxidationQuantity: limit(input.oxidation),
        oxidationText: input.oxidationText ?? null,
        hasOxidation: input.oxidation != null || !!input.oxidationText,
      }),
      ...curatedSource(who, input.provenance),
      ...curationProps(1, status === 'CURRENT' ? 'ADD' : 'PROPOSE', who.keyId, null),
    };
    const changeSet = await this.unlessRepeated(() => this.store.addFact(
      { kind: 'StabilityWindow', materialId, publicationKey: publication.key, newPublication: publication.create, props: props as typeof props & { id: string }, status },
      { ...this.audit(who, 'addReportedWindow', null), recheck }));
    if ('duplicateOf' in changeSet) return duplicate(changeSet.duplicateOf);
    this.publish(changeSet, [id, ...(publication.create ? [publication.key] : [])], [materialId]);
    return done(status === 'CURRENT' ? 'ADDED' : 'PROPOSED', id, changeSet);
  }

  /**
   * Adds a claim (a statement that is not a value: a mechanism, a criterion, a target...) about materials (by id,
   * name or formula; at most 20), credited to its publication. The same kind and statement (case and surrounding
   * spaces aside) about the same materials from the same publication is a DUPLICATE.
   */
  async addClaim(who: Principal, input: ClaimInput, field = 'input'): Promise<CurationResult> {
    const errors: FieldError[] = checkText(`${field}.statement`, input.statement, { required: true, max: MAX_LONG_TEXT });
    const texts = input.materials ?? [];
    if (texts.length > MAX_CLAIM_MATERIALS) errors.push(fieldError(`${field}.materials`, 'TOO_LONG', `names ${texts.length} materials; at most ${MAX_CLAIM_MATERIALS} are accepted`));
    const provenance = checkProvenance(`${field}.provenance`, input.provenance, thisYear());
    errors.push(...provenance.errors);
    const ids = texts.length > MAX_CLAIM_MATERIALS ? [] : await Promise.all(texts.map((t, i) => this.materialId(t, `${field}.materials[${i}]`, errors)));
    const publication = provenance.errors.length ? null : await this.creditedPublication(who, input.provenance!, provenance.doi, `${field}.provenance`, errors);
    if (errors.length || !publication) return invalid(errors);
    const materialIds = [...new Set(ids.filter((x): x is string => x !== null))].sort();

    const recheck = () => this.store.duplicateClaim({ publicationKey: publication.key, kind: input.kind, statement: input.statement, materialIds });
    const repeated = await recheck();
    if (repeated) return duplicate(repeated);

    const id = `curated:${randomUUID()}`;
    const status = this.options.proposalsRequired && who.role === 'contributor' ? 'PROPOSED' : 'CURRENT';
    const props = {
      ...storedProps(CLAIM, {
        id,
        review: null,
        kind: input.kind,
        statement: input.statement.trim(),
        families: [...new Set(input.families ?? [])],
        chemicalClasses: [...new Set(input.chemicalClasses ?? [])],
        properties: [...new Set(input.properties ?? [])],
      }),
      ...curatedSource(who, input.provenance),
      ...curationProps(1, status === 'CURRENT' ? 'ADD' : 'PROPOSE', who.keyId, null),
    };
    const changeSet = await this.unlessRepeated(() => this.store.addClaim(
      { materialIds, publicationKey: publication.key, newPublication: publication.create, props: props as typeof props & { id: string }, status },
      { ...this.audit(who, 'addClaim', null), recheck }));
    if ('duplicateOf' in changeSet) return duplicate(changeSet.duplicateOf);
    this.publish(changeSet, [id, ...(publication.create ? [publication.key] : [])], materialIds);
    return done(status === 'CURRENT' ? 'ADDED' : 'PROPOSED', id, changeSet);
  }

  /**
   * Adds an interphase observation at the interface of an electrolyte and a counterpart material (by id, name or
   * formula; the interface '<electrolyte>|<counterpart>' is created with it when the graph lacks it): its products
   * (materials of the graph), potential (V vs Li/Li+, within −5…10 V), thickness (> 0, nm by default), character
   * and evidence, credited to its publication. The same interface, publication, products, potential and
   * thickness is a DUPLICATE.
   */
  async addInterphaseObservation(who: Principal, input: ObservationInput, field = 'input'): Promise<CurationResult> {
    const products = input.products ?? [];
    const evidence = input.evidence ?? [];
    const errors: FieldError[] = [
      ...checkPotential(`${field}.potential`, input.potential),
      ...['counterpartText', 'productsText', 'characterText'].flatMap((k) => checkText(`${field}.${k}`, input[k as 'productsText'])),
      ...checkText(`${field}.conditions`, input.conditions, { max: MAX_LONG_TEXT }),
      ...tooMany(`${field}.products`, products.length, 'products'),
      ...tooMany(`${field}.evidence`, evidence.length, 'techniques'),
    ];
    evidence.slice(0, MAX_PARTS).forEach((e, i) => errors.push(...checkText(`${field}.evidence[${i}].text`, e.text, { max: MAX_LONG_TEXT })));
    if (products.length === 0 && !input.productsText?.trim() && !input.characterText?.trim() && !input.stabilityClass && !input.interphaseType) {
      errors.push(fieldError(`${field}.products`, 'REQUIRED', 'give the products, or the character of the interphase (words, stabilityClass or interphaseType)'));
    }
    const thickness = storedQuantity({ value: `${field}.thickness`, unit: `${field}.thicknessUnit` }, 'THICKNESS', input.thickness, input.thicknessUnit, errors);
    const provenance = checkProvenance(`${field}.provenance`, input.provenance, thisYear());
    errors.push(...provenance.errors);
    const electrolyteId = await this.materialId(input.electrolyte, `${field}.electrolyte`, errors);
    const counterpartId = await this.materialId(input.counterpart, `${field}.counterpart`, errors);
    if (electrolyteId && electrolyteId === counterpartId) errors.push(fieldError(`${field}.counterpart`, 'CONFLICT', 'an interface is between two different materials'));
    const productIds = products.length > MAX_PARTS ? [] : await this.materialIds(products, `${field}.products`, errors);
    const publication = provenance.errors.length ? null : await this.creditedPublication(who, input.provenance!, provenance.doi, `${field}.provenance`, errors);
    if (errors.length || !electrolyteId || !counterpartId || !publication) return invalid(errors);

    const interfaceId = `${electrolyteId}|${counterpartId}`;
    const distinctProducts = [...new Set(productIds)];
    const recheck = () => this.store.duplicateObservation({
      interfaceId,
      publicationKey: publication.key,
      productIds: distinctProducts,
      potentialValue: input.potential ?? null,
      thicknessValue: thickness?.value ?? null,
    });
    const repeated = await recheck();
    if (repeated) return duplicate(repeated);

    const id = `curated:${randomUUID()}`;
    const status = this.status(who);
    const props = {
      ...storedProps(INTERPHASE_OBSERVATION, {
        id,
        review: null,
        counterpartText: input.counterpartText ?? null,
        potential: input.potential == null ? null : storedPotential(input.potential),
        conditions: input.conditions ?? null,
        productsText: input.productsText ?? null,
        stabilityClass: input.stabilityClass ?? null,
        interphaseType: input.interphaseType ?? null,
        characterText: input.characterText ?? null,
        thickness,
        computed: input.computed ?? null,
        counterpartVariantId: null,
      }),
      ...curatedSource(who, input.provenance),
      ...curationProps(1, status === 'CURRENT' ? 'ADD' : 'PROPOSE', who.keyId, null),
    };
    const changeSet = await this.unlessRepeated(() => this.store.addObservation(
      {
        interface: { id: interfaceId, electrolyteId, counterpartId, props: storedProps(INTERFACE, { id: interfaceId, counterpartKind: 'MATERIAL' }) },
        products: distinctProducts.map((materialId, position) => ({ materialId, props: storedProps(INTERPHASE_PRODUCT, { position, variantId: null }) })),
        evidence: evidence.map((e, position) => ({ technique: e.technique, props: storedProps(EVIDENCE, { text: e.text ?? null, position }) })),
        publicationKey: publication.key,
        newPublication: publication.create,
        props: props as typeof props & { id: string },
        status,
      },
      { ...this.audit(who, 'addInterphaseObservation', null), recheck }));
    if ('duplicateOf' in changeSet) return duplicate(changeSet.duplicateOf);
    this.publish(changeSet, [id, ...(publication.create ? [publication.key] : [])], [electrolyteId, counterpartId, ...distinctProducts]);
    return done(status === 'CURRENT' ? 'ADDED' : 'PROPOSED', id, changeSet);
  }

  /**
   * Adds a coating or interlayer applied on a substrate (an electrode or the electrolyte) and paired with a solid
   * electrolyte (materials of the graph), with its deposition method, thickness (> 0, nm by default) and effects
   * (values before/after in the property's unit, checked as a measurement's: an ASR > 0 Ω cm², a CCD > 0 mA/cm²...),
   * credited to its publication. The same coating, substrate, electrolyte, role, method, thickness and publication
   * is a DUPLICATE.
   */
  async addCoatingApplication(who: Principal, input: CoatingInput, field = 'input'): Promise<CurationResult> {
    const effects = input.effects ?? [];
    const errors: FieldError[] = [
      ...checkText(`${field}.effectText`, input.effectText, { required: true, max: MAX_LONG_TEXT }),
      ...checkText(`${field}.substrateText`, input.substrateText),
      ...checkText(`${field}.methodText`, input.methodText),
      ...checkText(`${field}.loading`, input.loading, { max: 100 }),
      ...tooMany(`${field}.effects`, effects.length, 'effects'),
    ];
    const thickness = storedQuantity({ value: `${field}.thickness`, unit: `${field}.thicknessUnit` }, 'THICKNESS', input.thickness, input.thicknessUnit, errors);
    const storedEffects = effects.slice(0, MAX_PARTS).map((e, i) => storedEffect(e, `${field}.effects[${i}]`, errors));
    const provenance = checkProvenance(`${field}.provenance`, input.provenance, thisYear());
    errors.push(...provenance.errors);
    const coatingId = await this.materialId(input.coating, `${field}.coating`, errors);
    const substrateId = input.substrate == null ? null : await this.materialId(input.substrate, `${field}.substrate`, errors);
    const electrolyteId = input.electrolyte == null ? null : await this.materialId(input.electrolyte, `${field}.electrolyte`, errors);
    const publication = provenance.errors.length ? null : await this.creditedPublication(who, input.provenance!, provenance.doi, `${field}.provenance`, errors);
    if (errors.length || !coatingId || !publication) return invalid(errors);

    const recheck = () => this.store.duplicateCoating({
      coatingId,
      substrateId,
      electrolyteId,
      role: input.role,
      method: input.method,
      thicknessValue: thickness?.value ?? null,
      publicationKey: publication.key,
    });
    const repeated = await recheck();
    if (repeated) return duplicate(repeated);

    const id = `curated:${randomUUID()}`;
    const status = this.status(who);
    const props = {
      ...storedProps(COATING_APPLICATION, {
        id,
        review: null,
        role: input.role,
        substrateText: input.substrateText ?? null,
        method: input.method,
        methodText: input.methodText ?? null,
        thickness,
        loading: input.loading ?? null,
        effectText: input.effectText.trim(),
      }),
      ...curatedSource(who, input.provenance),
      ...curationProps(1, status === 'CURRENT' ? 'ADD' : 'PROPOSE', who.keyId, null),
    };
    const changeSet = await this.unlessRepeated(() => this.store.addCoating(
      {
        coatingId,
        substrateId,
        electrolyteId,
        appliedOn: storedProps(APPLIED_ON, { variantId: null }),
        pairedWith: storedProps(PAIRED_WITH, { variantId: null }),
        effects: storedEffects.map((e, position) => ({ props: e!, link: storedProps(HAS_EFFECT, { position }) })),
        publicationKey: publication.key,
        newPublication: publication.create,
        props: props as typeof props & { id: string },
        status,
      },
      { ...this.audit(who, 'addCoatingApplication', null), recheck }));
    if ('duplicateOf' in changeSet) return duplicate(changeSet.duplicateOf);
    const materialIds = [coatingId, ...(substrateId ? [substrateId] : []), ...(electrolyteId ? [electrolyteId] : [])];
    this.publish(changeSet, [id, ...(publication.create ? [publication.key] : [])], materialIds);
    return done(status === 'CURRENT' ? 'ADDED' : 'PROPOSED', id, changeSet);
  }

  /**
   * Adds a cell test as reported: its type, components (materials of the graph in their roles), test conditions
   * (temperature > 0 K; the rest as printed) and results (values checked as a measurement's: capacity retention
   * within 0…100 %, a CCD > 0 mA/cm², cycles a non-negative integer; `atCycle` a non-negative integer), credited
   * to its publication. The same type, components, results and publication is a DUPLICATE.
   */
  async addCellResult(who: Principal, input: CellInput, field = 'input'): Promise<CurationResult> {
    const components = input.components ?? [];
    const results = input.results ?? [];
    const errors: FieldError[] = [
      ...checkText(`${field}.resultText`, input.resultText, { required: true, max: MAX_LONG_TEXT }),
      ...['currentDensity', 'cRate', 'stackPressure', 'arealLoading', 'voltageRange'].flatMap((k) => checkText(`${field}.${k}`, input[k as 'cRate'], { max: 100 })),
      ...checkText(`${field}.conditions`, input.conditions, { max: MAX_LONG_TEXT }),
      ...tooMany(`${field}.components`, components.length, 'components'),
      ...tooMany(`${field}.results`, results.length, 'results'),
    ];
    if (components.length === 0) errors.push(fieldError(`${field}.components`, 'REQUIRED', 'give at least one component (a material in its role)'));
    const temperature = checkTemperature(`${field}.temperature`, input.temperature, input.temperatureUnit ?? 'K');
    errors.push(...temperature.errors);
    const storedResults = results.slice(0, MAX_PARTS).map((r, i) => storedResult(r, `${field}.results[${i}]`, errors));
    const provenance = checkProvenance(`${field}.provenance`, input.provenance, thisYear());
    errors.push(...provenance.errors);
    const componentIds = components.length > MAX_PARTS ? [] : await Promise.all(components.map((c, i) => this.materialId(c.material, `${field}.components[${i}].material`, errors)));
    components.slice(0, MAX_PARTS).forEach((c, i) => errors.push(...checkText(`${field}.components[${i}].text`, c.text)));
    const publication = provenance.errors.length ? null : await this.creditedPublication(who, input.provenance!, provenance.doi, `${field}.provenance`, errors);
    if (errors.length || !publication) return invalid(errors);

    const parts = components.map((c, i) => ({ materialId: componentIds[i]!, role: c.role, text: c.text ?? null }));
    const recheck = () => this.store.duplicateCell({
      publicationKey: publication.key,
      cellType: input.cellType,
      components: parts.map(({ materialId, role }) => ({ materialId, role })),
      results: results.map((r, i) => ({ property: r.property, value: (storedResults[i]!.value as number | null) ?? null, atCycle: r.atCycle ?? null })),
    });
    const repeated = await recheck();
    if (repeated) return duplicate(repeated);

    const id = `curated:${randomUUID()}`;
    const status = this.status(who);
    const props = {
      ...storedProps(CELL, { id, review: null, cellType: input.cellType, resultText: input.resultText.trim() }),
      ...storedProps(CELL_CONDITIONS, {
        temperatureText: input.temperature != null ? `${input.temperature} ${input.temperatureUnit ?? 'K'}` : null,
        temperatureK: temperature.kelvin,
        currentDensity: input.currentDensity ?? null,
        cRate: input.cRate ?? null,
        stackPressure: input.stackPressure ?? null,
        arealLoading: input.arealLoading ?? null,
        voltageRange: input.voltageRange ?? null,
        other: input.conditions ?? null,
      }),
      ...curatedSource(who, input.provenance),
      ...curationProps(1, status === 'CURRENT' ? 'ADD' : 'PROPOSE', who.keyId, null),
    };
    const changeSet = await this.unlessRepeated(() => this.store.addCell(
      {
        components: parts.map(({ materialId, role, text }, position) => ({ materialId, props: storedProps(CELL_COMPONENT, { role, text, variantId: null, position }) })),
        results: storedResults.map((r, position) => ({ props: r!, link: storedProps(HAS_RESULT, { position }) })),
        publicationKey: publication.key,
        newPublication: publication.create,
        props: props as typeof props & { id: string },
        status,
      },
      { ...this.audit(who, 'addCellResult', null), recheck }));
    if ('duplicateOf' in changeSet) return duplicate(changeSet.duplicateOf);
    this.publish(changeSet, [id, ...(publication.create ? [publication.key] : [])], [...new Set(parts.map((p) => p.materialId))]);
    return done(status === 'CURRENT' ? 'ADDED' : 'PROPOSED', id, changeSet);
  }

  /** A new version of a current measurement with the given fields changed (the former kept in its history). */
  async correctMeasurement(who: Principal, id: string, changes: MeasurementCorrection, reason: string): Promise<CurationResult> {
    return this.correct(who, 'correctMeasurement', 'Measurement', id, reason, (fact, errors) => ({ props: this.correction(fact, changes, errors) }));
  }

  /** A new version of a current reported window (limits in V vs the reference of its scale; oxidation above reduction). */
  async correctReportedWindow(who: Principal, id: string, changes: WindowCorrection, reason: string): Promise<CurationResult> {
    return this.correct(who, 'correctReportedWindow', 'StabilityWindow', id, reason, (fact, errors) => windowCorrection(fact.props, changes, errors));
  }

  /** A new version of a current claim (its kind, statement, families, classes or properties). */
  async correctClaim(who: Principal, id: string, changes: ClaimCorrection, reason: string): Promise<CurationResult> {
    return this.correct(who, 'correctClaim', 'Claim', id, reason, (_, errors) => claimCorrection(changes, errors));
  }

  /** A new version of a current interphase observation (its potential, thickness, character and texts). */
  async correctInterphaseObservation(who: Principal, id: string, changes: ObservationCorrection, reason: string): Promise<CurationResult> {
    return this.correct(who, 'correctInterphaseObservation', 'InterphaseObservation', id, reason, (_, errors) => observationCorrection(changes, errors));
  }

  /** A new version of a current coating application (a new list of effects replaces the old one). */
  async correctCoatingApplication(who: Principal, id: string, changes: CoatingCorrection, reason: string): Promise<CurationResult> {
    return this.correct(who, 'correctCoatingApplication', 'CoatingApplication', id, reason, (_, errors) => coatingCorrection(changes, errors));
  }

  /** A new version of a current cell test (a new list of results replaces the old one). */
  async correctCellResult(who: Principal, id: string, changes: CellCorrection, reason: string): Promise<CurationResult> {
    return this.correct(who, 'correctCellResult', 'Cell', id, reason, (_, errors) => cellCorrection(changes, errors));
  }

  /** Retracts a current fact of any kind: kept with its reason, read by no list, shown by `factHistory`. */
  async retractFact(who: Principal, id: string, reason: string): Promise<CurationResult> {
    return this.statusChange(who, 'retractFact', id, reason, { status: 'RETRACTED', action: 'RETRACT', expect: ['CURRENT'] }, 'RETRACTED');
  }

  /** Accepts a proposal: it becomes a current fact. */
  async acceptProposal(who: Principal, id: string): Promise<CurationResult> {
    return this.statusChange(who, 'acceptProposal', id, null, { status: 'CURRENT', action: 'ACCEPT', expect: ['PROPOSED'] }, 'ACCEPTED');
  }

  /** Rejects a proposal with a reason: kept, read by no list. */
  async rejectProposal(who: Principal, id: string, reason: string): Promise<CurationResult> {
    return this.statusChange(who, 'rejectProposal', id, reason, { status: 'REJECTED', action: 'REJECT', expect: ['PROPOSED'] }, 'REJECTED');
  }

  /** Reverts a change set: each entity it changed back to its state before, in one transaction with a REVERT change set. */
  async revertChangeSet(who: Principal, id: string, reason: string): Promise<CurationResult> {
    const errors = [...checkText('reason', reason, { required: true, max: MAX_LONG_TEXT }), ...checkText('id', id, { required: true, max: 100 })];
    if (errors.length) return invalid(errors);
    try {
      const { changeSet, entityIds, materialIds } = await this.store.revert(id, this.audit(who, 'revertChangeSet', reason));
      this.publish(changeSet, entityIds, materialIds);
      return done('REVERTED', id, changeSet);
    } catch (e) {
      if (e instanceof CurationConflictError) return invalid([fieldError('id', e.code, e.message)]);
      throw e;
    }
  }

  /** Every version of a fact, oldest first (the current one last); null when no fact has the id. */
  async history(id: string): Promise<FactVersionRecord[] | null> {
    if (!id.trim() || id.length > 200) throw new InvalidArgumentError('id', 'is not a fact id');
    return this.store.history(id);
  }

  // --- helpers -------------------------------------------------------------------------------------

  /** A contributor's addition waits for a curator while PROPOSALS_REQUIRED is on. */
  private status(who: Principal): 'CURRENT' | 'PROPOSED' {
    return this.options.proposalsRequired && who.role === 'contributor' ? 'PROPOSED' : 'CURRENT';
  }

  /** The materials some texts name, each of the graph (else an error naming its place in the list). */
  private async materialIds(texts: string[], field: string, errors: FieldError[]): Promise<string[]> {
    const ids = await Promise.all(texts.map((t, i) => this.materialId(t, `${field}[${i}]`, errors)));
    return ids.filter((x): x is string => x !== null);
  }


  /**
   * The next version of a current fact of `kind` with what `build` changes (checked first: nothing is written
   * while a field is wrong); NOT_FOUND for an id of no fact of that kind, CONFLICT for a fact not current.
   */
  private async correct(
    who: Principal,
    operation: string,
    kind: FactKindLabel,
    id: string,
    reason: string,
    build: (fact: FoundFact, errors: FieldError[]) => Correction,
  ): Promise<CurationResult> {
    const what = CORRECTED_KIND[kind];
    const errors = checkText('reason', reason, { required: true, max: MAX_LONG_TEXT });
    const fact = await this.store.fact(id);
    if (!fact || fact.kind !== kind) return invalid([...errors, fieldError('id', 'NOT_FOUND', `no ${what} has the id '${excerptId(id)}'`)]);
    if (fact.status !== 'CURRENT') return invalid([...errors, fieldError('id', 'CONFLICT', `the ${what} is ${fact.status}; only a current one can be corrected`)]);
    const { props, parts } = build(fact, errors);
    if (errors.length) return invalid(errors);
    if (Object.keys(props).length === 0 && !parts) return invalid([fieldError('changes', 'REQUIRED', 'changes nothing: give at least one field with a new value')]);
    return this.change(who, operation, id, { props, parts, action: 'CORRECT', expect: ['CURRENT'] }, reason, 'CORRECTED');
  }

  private async statusChange(
    who: Principal,
    operation: string,
    id: string,
    reason: string | null,
    change: { status: FactStatus; action: 'RETRACT' | 'ACCEPT' | 'REJECT'; expect: FactStatus[] },
    answer: CurationStatus,
  ): Promise<CurationResult> {
    const errors = reason === null ? [] : checkText('reason', reason, { required: true, max: MAX_LONG_TEXT });
    const fact = await this.store.fact(id);
    if (!fact) return invalid([...errors, fieldError('id', 'NOT_FOUND', `no fact has the id '${excerptId(id)}'`)]);
    if (!change.expect.includes(fact.status)) return invalid([...errors, fieldError('id', 'CONFLICT', `the fact is ${fact.status}; ${operation} needs it ${change.expect.join(' or ')}`)]);
    if (errors.length) return invalid(errors);
    return this.change(who, operation, id, change, reason, answer);
  }

  private async change(
    who: Principal,
    operation: string,
    id: string,
    change: Parameters<CurationStore['changeFact']>[1],
    reason: string | null,
    answer: CurationStatus,
  ): Promise<CurationResult> {
    try {
      const { changeSet, fact } = await this.store.changeFact(id, change, this.audit(who, operation, reason));
      this.publish(changeSet, [id], fact.materialIds);
      return done(answer, id, changeSet);
    } catch (e) {
      if (e instanceof CurationConflictError) return invalid([fieldError('id', e.code, e.message)]);
      throw e;
    }
  }

  /**
   * Runs an addition whose store re-checks for a repeat under the curation lock: another writer that added
   * the same fact first (after this request's own check) makes it a DUPLICATE instead of a second copy.
   */
  private async unlessRepeated(write: () => Promise<ChangeSetRecord>): Promise<ChangeSetRecord | { duplicateOf: string }> {
    try {
      return await write();
    } catch (e) {
      if (e instanceof DuplicateFactError) return { duplicateOf: e.existingId };
      throw e;
    }
  }

  private audit(who: Principal, operation: string, reason: string | null) {
    return { keyId: who.keyId, operation, reason };
  }

  private publish(changeSet: ChangeSetRecord, entityIds: string[], materialIds: string[]): void {
    this.events.publish({ changeSetId: changeSet.id, at: changeSet.at, keyId: changeSet.keyId, operation: changeSet.operation, kinds: changeSet.kinds, entityIds, materialIds });
  }

  /** A publication's key, DOI and stored properties, or the errors of its fields. */
  private publication(who: Principal, input: PublicationInput, field: string): { key: string; doi: string | null; props: Record<string, unknown>; errors: FieldError[] } {
    const { doi, errors } = checkProvenance(field, input, thisYear());
    const c = input.citation ?? {};
    const firstAuthor = c.authors ? firstAuthorSurname(c.authors) : null;
    const key = doi ? `doi:${doi}` : publicationKey({ firstAuthor: firstAuthor ?? '', year: c.year ?? null, volume: c.volume ?? null, firstPage: c.firstPage ?? null, title: c.title ?? null });
    const props = somePropsOf(PUBLICATION, {
      doi,
      url: doi ? doiUrl(doi) : null,
      authors: c.authors ?? null,
      firstAuthor,
      year: c.year ?? null,
      title: c.title ?? null,
      journal: c.journal ?? null,
      volume: c.volume ?? null,
      firstPage: c.firstPage ?? null,
      addedBy: who.keyId,
    });
    return { key, doi, props, errors };
  }

  /** The publication a fact credits: in the graph already, or created with the fact from its full citation. */
  private async creditedPublication(
    who: Principal,
    p: ProvenanceInput,
    doi: string | null,
    field: string,
    errors: FieldError[],
  ): Promise<{ key: string; create: { key: string; props: Record<string, unknown> } | null } | null> {
    const pub = this.publication(who, { doi, citation: p.citation ?? null }, field);
    const existing = await this.store.publicationKey(pub.key, doi);
    if (existing) return { key: existing, create: null };
    if (!p.citation) {
      errors.push(fieldError(`${field}.doi`, 'NOT_FOUND', `no publication of the DOI '${doi}' is in the graph: add it (addPublication) or give its full citation`));
      return null;
    }
    return { key: pub.key, create: { key: pub.key, props: pub.props } };
  }

  /** The material a text names, which must be in the graph. */
  private async materialId(text: string, field: string, errors: FieldError[]): Promise<string | null> {
    const long = checkText(field, text, { required: true });
    if (long.length) {
      errors.push(...long);
      return null;
    }
    try {
      const ref = await resolveMaterial(this.materials, text, field);
      if (ref.via === 'NAME' || (await this.store.materialExists(ref.materialId))) return ref.materialId;
      errors.push(fieldError(field, 'NOT_FOUND', `no material of the composition ${ref.materialId} is in the graph: add it first (addMaterial)`));
    } catch (e) {
      if (!(e instanceof InvalidArgumentError)) throw e;
      errors.push(fieldError(field, 'NOT_FOUND', e.problem));
    }
    return null;
  }

  /** The variant must be one of the material's. */
  private async checkVariant(id: string, materialId: string, field: string, errors: FieldError[]): Promise<void> {
    const long = checkText(field, id, { required: true, max: 300 });
    if (long.length) {
      errors.push(...long);
      return;
    }
    const of = await this.store.variantMaterial(id);
    if (of !== materialId) errors.push(fieldError(field, 'NOT_FOUND', of ? `'${excerptId(id)}' is a variant of ${of}, not of ${materialId}` : `no variant has the id '${excerptId(id)}'`));
  }

  /** A value's stored fields (and those of the duplicate test), or null with the errors of its fields. */
  private value(
    input: ValueInput,
    property: PropertyKind,
    field: string,
    errors: FieldError[],
  ): { stored: StoredValue; identity: { qualifier: Qualifier; value: number | null; min: number | null; max: number | null } } | null {
    const qualifier = input.qualifier ?? 'EQUAL';
    const unit = input.unit ?? null;
    const q = (name: 'value' | 'min' | 'max', x: number | null | undefined) => checkQuantity({ value: `${field}.${name}`, unit: `${field}.unit` }, property, x, unit);
    const before = errors.length;
    let value: number | null = null;
    let min: number | null = null;
    let max: number | null = null;
    let printed: string;
    if (qualifier === 'RANGE') {
      const a = q('min', input.min);
      const b = q('max', input.max);
      errors.push(...a.errors, ...b.errors.filter((e) => !a.errors.some((f) => f.field === e.field)));
      [min, max] = [a.canonical, b.canonical];
      if (min !== null && max !== null && min > max) errors.push(fieldError(`${field}.min`, 'OUT_OF_RANGE', `a range's min must not exceed its max (${input.min} > ${input.max})`));
      printed = `${input.min}${QUALIFIER_SYMBOL.RANGE}${input.max}`;
    } else {
      const a = q('value', input.value);
      errors.push(...a.errors);
      if (qualifier === 'LESS_THAN') max = a.canonical;
      else if (qualifier === 'GREATER_THAN') min = a.canonical;
      else value = a.canonical;
      printed = qualifier === 'EQUAL' ? `${input.value}` : qualifier === 'REPORTED_MAXIMUM' ? `up to ${input.value}` : `${QUALIFIER_SYMBOL[qualifier]}${input.value}`;
    }
    let uncertainty: number | null = null;
    if (input.uncertainty != null) {
      const u = checkQuantity({ value: `${field}.uncertainty`, unit: `${field}.unit` }, property === 'TEMPERATURE' || property === 'TRANSITION_TEMPERATURE' ? 'OTHER' : property, input.uncertainty, unit);
      if (input.uncertainty < 0) errors.push(fieldError(`${field}.uncertainty`, 'OUT_OF_RANGE', 'an uncertainty must be ≥ 0'));
      else errors.push(...u.errors.filter((e) => e.field !== `${field}.unit`));
      uncertainty = u.canonical;
    }
    if (errors.length > before) return null;
    const canonical = property === 'OTHER' ? (unit ?? '') : canonicalUnit(property);
    return {
      stored: { qualifier, value, min, max, unit: canonical, printedValue: printed, printedUnit: unit, unitAsMeant: null, uncertainty, approximate: qualifier === 'APPROXIMATE' },
      identity: { qualifier, value, min, max },
    };
  }

  /** The stored properties a correction changes (only those given), with the errors of its fields. */
  private correction(fact: FoundFact, changes: MeasurementCorrection, errors: FieldError[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const p = fact.props;
    const property = p.property as PropertyKind;
    const valueGiven = ['qualifier', 'value', 'min', 'max', 'unit', 'uncertainty'].some((k) => changes[k as keyof ValueInput] != null);
    if (valueGiven) {
      // the qualifier stays unless given (a corrected bound stays a bound)
      const v = this.value({ ...changes, qualifier: changes.qualifier ?? (p.qualifier as Qualifier) }, property, 'changes', errors);
      if (v) Object.assign(out, v.stored);
    }
    if (changes.temperature != null) {
      const t = checkTemperature('changes.temperature', changes.temperature, changes.temperatureUnit ?? 'K');
      errors.push(...t.errors);
      if (t.kelvin !== null) Object.assign(out, { temperatureK: t.kelvin, temperatureText: `${changes.temperature} ${changes.temperatureUnit ?? 'K'}` });
    }
    errors.push(...conditionErrors(changes, 'changes'));
    const conditions = conditionProps(changes, null);
    for (const key of ['contribution', 'method', 'computed', 'sampleForm', 'atmosphere', 'conditionsOther'] as const) {
      if (conditions[key] != null) out[key] = conditions[key];
    }
    return out;
  }
}

/** Where a fact added through the API was read: the key that added it, and the quote and note it gave. */
function curatedSource(who: Principal, provenance: ProvenanceInput | null | undefined): Record<string, unknown> {
  return storedProps(SOURCE, {
    kind: 'CURATED',
    file: `api:${who.keyId}`,
    lines: [],
    referenceNumbers: [],
    citationConfidence: 'CONFIDENT',
    correctedReferenceNumber: null,
    quote: provenance?.quote ?? null,
    places: [],
    note: provenance?.note ?? null,
    seedFile: null,
  });
}

function conditionErrors(c: ConditionsInput, field: string): FieldError[] {
  return [
    ...checkText(`${field}.method`, c.method),
    ...checkText(`${field}.sampleForm`, c.sampleForm),
    ...checkText(`${field}.atmosphere`, c.atmosphere),
    ...checkText(`${field}.conditions`, c.conditions, { max: MAX_LONG_TEXT }),
    ...checkText(`${field}.temperatureUnit`, c.temperatureUnit, { max: 10 }),
  ];
}

function conditionProps(c: ConditionsInput, temperatureK: number | null) {
  return {
    contribution: c.contribution ?? null,
    temperatureK,
    temperatureMinK: null,
    temperatureMaxK: null,
    temperatureText: c.temperature != null ? `${c.temperature} ${c.temperatureUnit ?? 'K'}` : null,
    method: c.method ?? null,
    computed: c.computed ?? null,
    sampleForm: c.sampleForm ?? null,
    atmosphere: c.atmosphere ?? null,
    conditionsOther: c.conditions ?? null,
  };
}

function thisYear(): number {
  return new Date().getUTCFullYear();
}

function excerptId(id: string): string {
  return id.length > 100 ? `${id.slice(0, 100)}…` : id;
}

/**
 * What a correction of a reported window, a claim, an interphase observation, a coating application or a cell
 * changes: the stored properties of the fields given (the others keep their value), checked as an addition
 * checks them, and, for a coating application or a cell, the effects or results that replace the old ones
 * when a new list is given. Each builder pushes the errors of its fields (named 'changes.<field>') and returns
 * what to write; facts.service.ts writes it as the fact's next version.
 *
 * What a fact is about (its material, interface, components, products or publication) cannot be corrected: a
 * different subject is a different fact (retract it and add the right one).
 */
import { checkPotential, checkTemperature, checkText, fieldError, MAX_LONG_TEXT, type FieldError } from '../../domain/curation/validation.js';
import type { ChemicalClass } from '../../domain/chemicalClass.js';
import type { StructuralFamily } from '../../domain/families.js';
import { CELL, CELL_CONDITIONS, HAS_RESULT } from '../../domain/model/cell.kind.js';
import { CLAIM } from '../../domain/model/claim.kind.js';
import { COATING_APPLICATION, HAS_EFFECT } from '../../domain/model/coating.kind.js';
import { INTERPHASE_OBSERVATION } from '../../domain/model/interphaseObservation.kind.js';
import { STABILITY_WINDOW } from '../../domain/model/stabilityWindow.kind.js';
import type { PropertyKind } from '../../domain/units/properties.js';
import type { CellType, ClaimKind, CoatingRole, DepositionMethod, InterphaseType, ReferenceScale, StabilityClass, WindowMethod } from '../../domain/vocabulary.js';
import type { FactPart } from '../../graph/curation.interfaces.js';
import { somePropsOf, storedProps } from '../../graph/nodeKinds.js';
import { MAX_PARTS, storedEffect, storedPotential, storedQuantity, storedResult, tooMany, type CellConditionsInput, type EffectInput, type ResultInput } from './storedValues.js';

/** What a correction writes: the changed stored properties, and the sub-records replacing the old ones (when given). */
export interface Correction {
  props: Record<string, unknown>;
  parts?: FactPart[];
}

/** The fields of a reported window to change (V vs the reference of `scale`). */
export interface WindowCorrection {
  reduction?: number | null;
  oxidation?: number | null;
  reductionText?: string | null;
  oxidationText?: string | null;
  scale?: ReferenceScale | null;
  method?: WindowMethod | null;
  methodText?: string | null;
}

export interface ClaimCorrection {
  kind?: ClaimKind | null;
  statement?: string | null;
  families?: StructuralFamily[] | null;
  chemicalClasses?: ChemicalClass[] | null;
  properties?: PropertyKind[] | null;
}

export interface ObservationCorrection {
  counterpartText?: string | null;
  productsText?: string | null;
  potential?: number | null;
  thickness?: number | null;
  thicknessUnit?: string | null;
  conditions?: string | null;
  stabilityClass?: StabilityClass | null;
  interphaseType?: InterphaseType | null;
  characterText?: string | null;
  computed?: boolean | null;
}

export interface CoatingCorrection {
  role?: CoatingRole | null;
  method?: DepositionMethod | null;
  methodText?: string | null;
  substrateText?: string | null;
  thickness?: number | null;
  thicknessUnit?: string | null;
  loading?: string | null;
  effectText?: string | null;
  /** Replaces every effect of the application (an empty list removes them). */
  effects?: EffectInput[] | null;
}

export interface CellCorrection extends CellConditionsInput {
  cellType?: CellType | null;
  resultText?: string | null;
  /** Replaces every result of the cell (an empty list removes them). */
  results?: ResultInput[] | null;
}

const F = 'changes';

/** The given entries of `c` (neither undefined nor null), among `keys`. */
function given<T extends object, K extends keyof T>(c: T, keys: readonly K[]): Partial<{ [P in K]: NonNullable<T[P]> }> {
  const out: Partial<{ [P in K]: NonNullable<T[P]> }> = {};
  for (const k of keys) if (c[k] != null) out[k] = c[k] as NonNullable<T[K]>;
  return out;
}

/** A text that, when given, must not be blank. */
function requiredIfGiven(field: string, value: string | null | undefined, max = MAX_LONG_TEXT): FieldError[] {
  return value == null ? [] : checkText(field, value, { required: true, max });
}

/** A thickness given with or without its unit (a unit alone is an error). */
function thickness(c: { thickness?: number | null; thicknessUnit?: string | null }, errors: FieldError[]) {
  if (c.thickness == null && c.thicknessUnit != null) errors.push(fieldError(`${F}.thickness`, 'REQUIRED', 'give the thickness with its unit'));
  return storedQuantity({ value: `${F}.thickness`, unit: `${F}.thicknessUnit` }, 'THICKNESS', c.thickness, c.thicknessUnit, errors);
}

export function windowCorrection(current: Record<string, unknown>, c: WindowCorrection, errors: FieldError[]): Correction {
  errors.push(
    ...checkPotential(`${F}.reduction`, c.reduction),
    ...checkPotential(`${F}.oxidation`, c.oxidation),
    ...['reductionText', 'oxidationText', 'methodText'].flatMap((k) => checkText(`${F}.${k}`, c[k as 'methodText'])),
  );
  const reduction = c.reduction ?? (current.reductionValue as number | null | undefined) ?? null;
  const oxidation = c.oxidation ?? (current.oxidationValue as number | null | undefined) ?? null;
  if ((c.reduction != null || c.oxidation != null) && reduction !== null && oxidation !== null && reduction >= oxidation) {
    errors.push(fieldError(`${F}.${c.oxidation != null ? 'oxidation' : 'reduction'}`, 'OUT_OF_RANGE', `the oxidation limit (${oxidation} V) must lie above the reduction limit (${reduction} V)`));
  }
  return {
    props: somePropsOf(STABILITY_WINDOW, {
      ...given(c, ['reductionText', 'oxidationText', 'scale', 'method', 'methodText'] as const),
      ...(c.reduction != null ? { reductionQuantity: storedPotential(c.reduction) } : {}),
      ...(c.oxidation != null ? { oxidationQuantity: storedPotential(c.oxidation) } : {}),
      ...(c.reduction != null || c.reductionText ? { hasReduction: true } : {}),
      ...(c.oxidation != null || c.oxidationText ? { hasOxidation: true } : {}),
    }),
  };
}

export function claimCorrection(c: ClaimCorrection, errors: FieldError[]): Correction {
  errors.push(...requiredIfGiven(`${F}.statement`, c.statement));
  const lists = given(c, ['families', 'chemicalClasses', 'properties'] as const);
  return {
    props: somePropsOf(CLAIM, {
      ...given(c, ['kind'] as const),
      ...(c.statement != null ? { statement: c.statement.trim() } : {}),
      ...Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...new Set(v as string[])]])),
    }),
  };
}

export function observationCorrection(c: ObservationCorrection, errors: FieldError[]): Correction {
  errors.push(
    ...checkPotential(`${F}.potential`, c.potential),
    ...['counterpartText', 'productsText', 'characterText'].flatMap((k) => checkText(`${F}.${k}`, c[k as 'productsText'])),
    ...checkText(`${F}.conditions`, c.conditions, { max: MAX_LONG_TEXT }),
  );
  const t = thickness(c, errors);
  return {
    props: somePropsOf(INTERPHASE_OBSERVATION, {
      ...given(c, ['counterpartText', 'productsText', 'conditions', 'stabilityClass', 'interphaseType', 'characterText', 'computed'] as const),
      ...(c.potential != null ? { potential: storedPotential(c.potential) } : {}),
      ...(t ? { thickness: t } : {}),
    }),
  };
}

export function coatingCorrection(c: CoatingCorrection, errors: FieldError[]): Correction {
  errors.push(
    ...requiredIfGiven(`${F}.effectText`, c.effectText),
    ...checkText(`${F}.substrateText`, c.substrateText),
    ...checkText(`${F}.methodText`, c.methodText),
    ...checkText(`${F}.loading`, c.loading, { max: 100 }),
    ...tooMany(`${F}.effects`, c.effects?.length ?? 0, 'effects'),
  );
  const t = thickness(c, errors);
  const effects = c.effects?.slice(0, MAX_PARTS).map((e, i) => storedEffect(e, `${F}.effects[${i}]`, errors));
  return {
    props: somePropsOf(COATING_APPLICATION, {
      ...given(c, ['role', 'method', 'methodText', 'substrateText', 'loading'] as const),
      ...(c.effectText != null ? { effectText: c.effectText.trim() } : {}),
      ...(t ? { thickness: t } : {}),
    }),
    ...(effects ? { parts: effects.map((e, position) => ({ props: e ?? {}, link: storedProps(HAS_EFFECT, { position }) })) } : {}),
  };
}

export function cellCorrection(c: CellCorrection, errors: FieldError[]): Correction {
  errors.push(
    ...requiredIfGiven(`${F}.resultText`, c.resultText),
    ...['currentDensity', 'cRate', 'stackPressure', 'arealLoading', 'voltageRange'].flatMap((k) => checkText(`${F}.${k}`, c[k as 'cRate'], { max: 100 })),
    ...checkText(`${F}.conditions`, c.conditions, { max: MAX_LONG_TEXT }),
    ...tooMany(`${F}.results`, c.results?.length ?? 0, 'results'),
  );
  if (c.temperature == null && c.temperatureUnit != null) errors.push(fieldError(`${F}.temperature`, 'REQUIRED', 'give the temperature with its unit'));
  const temperature = checkTemperature(`${F}.temperature`, c.temperature, c.temperatureUnit ?? 'K');
  errors.push(...temperature.errors);
  const results = c.results?.slice(0, MAX_PARTS).map((r, i) => storedResult(r, `${F}.results[${i}]`, errors));
  return {
    props: {
      ...somePropsOf(CELL, { ...given(c, ['cellType'] as const), ...(c.resultText != null ? { resultText: c.resultText.trim() } : {}) }),
      ...somePropsOf(CELL_CONDITIONS, {
        ...given(c, ['currentDensity', 'cRate', 'stackPressure', 'arealLoading', 'voltageRange'] as const),
        ...(c.conditions != null ? { other: c.conditions } : {}),
        ...(temperature.kelvin !== null ? { temperatureK: temperature.kelvin, temperatureText: `${c.temperature} ${c.temperatureUnit ?? 'K'}` } : {}),
      }),
    },
    ...(results ? { parts: results.map((r, position) => ({ props: r ?? {}, link: storedProps(HAS_RESULT, { position }) })) } : {}),
  };
}

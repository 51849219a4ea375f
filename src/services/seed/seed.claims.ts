/**
 * Reads a claim record (seed/facts/<review>/claims.yaml, see seed/README.md) into its write: the subjects
 * resolved (materials with their variants, interfaces as electrolyte | counterpart), the quantities read into
 * their canonical units. Each problem is reported with the record and field; the facts a claim explains are
 * checked once the review's records are all read (`linkExplained`).
 */
import type { ClaimOut, FactOut, InterfaceOut } from '../../graph/seed.records.js';
import type { readQuantity } from '../../domain/values/quantity.js';
import type { ClaimSeed, VariantSeed } from './seed.schema.js';

/** The per-record checks of seed.read.ts a claim needs (its FactContext). */
export interface FactChecks {
  base(r: ClaimSeed): FactOut | undefined;
  material(ref: string, field: string, variant?: VariantSeed): { materialId: string; variantId: string | null } | undefined;
  quantity(property: Parameters<typeof readQuantity>[0], value: string, unit: string | undefined, unitAsMeant: string | undefined, field: string): ReturnType<typeof readQuantity> | undefined;
}

type Report = (record: string, field: string, problem: string) => void;

/** The write of claim `r`, or undefined when any part of it is invalid (reported). */
export function readClaim(ctx: FactChecks, r: ClaimSeed, interfaces: Map<string, InterfaceOut>): ClaimOut | undefined {
  const base = ctx.base(r);
  const s = r.subjects ?? {};
  const materials = [
    ...(s.materials ?? []).map((m, k) => ctx.material(m, `subjects.materials.${k}`)),
    ...(s.variants ?? []).map((v, k) => ctx.material(v.material, `subjects.variants.${k}.material`, v.variant)),
  ];
  const sides = (s.interfaces ?? []).map((i, k) => {
    const electrolyte = ctx.material(i.electrolyte, `subjects.interfaces.${k}.electrolyte`);
    const counterpart = ctx.material(i.counterpart, `subjects.interfaces.${k}.counterpart`);
    return electrolyte && counterpart ? { electrolyteId: electrolyte.materialId, counterpartId: counterpart.materialId } : undefined;
  });
  const quantities = (r.quantities ?? []).map((q, k) => {
    const value = ctx.quantity(q.property, q.value, q.unit, q.unitAsMeant, `quantities.${k}.value`);
    return value ? { property: q.property, propertyText: q.propertyText ?? null, value, text: q.text ?? null } : undefined;
  });
  if (!base || materials.some((m) => !m) || sides.some((i) => !i) || quantities.some((q) => !q)) return undefined;
  const interfaceIds = (sides as { electrolyteId: string; counterpartId: string }[]).map(({ electrolyteId, counterpartId }) => {
    const id = `${electrolyteId}|${counterpartId}`;
    if (!interfaces.has(id)) interfaces.set(id, { id, electrolyteId, electrolyteFamily: null, counterpartKind: 'MATERIAL', counterpartId });
    return id;
  });
  return {
    ...base,
    kind: r.kind,
    statement: r.statement,
    families: distinct(s.families ?? []),
    chemicalClasses: distinct(s.classes ?? []),
    properties: distinct(s.properties ?? []),
    materials: distinctBy(materials as { materialId: string; variantId: string | null }[], (m) => `${m.materialId}|${m.variantId}`),
    interfaceIds: distinct(interfaceIds),
    quantities: quantities as ClaimOut['quantities'],
    explainsIds: [],
  };
}

/** Links each claim to the records of its review it explains (`explains`: local ids); an id that names none is reported. */
export function linkExplained(claims: { claim: ClaimOut; ids: string[]; report: Report }[], review: string, localIds: ReadonlyMap<string, string>): void {
  for (const { claim, ids, report } of claims) {
    for (const [k, id] of ids.entries()) {
      if (ids.indexOf(id) !== k) report(claim.localId, `explains.${k}`, `'${id}' is given twice`);
      else if (!localIds.has(id)) report(claim.localId, `explains.${k}`, `no record '${id}' in ${review}`);
      else if (id === claim.localId) report(claim.localId, `explains.${k}`, 'a claim cannot explain itself');
      else claim.explainsIds.push(`${review}:${id}`);
    }
  }
}

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function distinctBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const x of xs) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
}

/**
 * Reads and validates the curated seed (seed/, see seed/README.md) into the writes of one load.
 *
 * Every record is checked against the declared schema (seed.schema.ts), then against what a schema
 * cannot see: the quote is on the cited line(s) of the review text, reference numbers exist in the
 * review's list, materials resolve (registry id, alias of that review or of all reviews, or a formula),
 * values and units read into the property's canonical unit, ids are unique, cross-references exist.
 * Every problem is reported as `<file>:<record>: <field>: <problem>`; any problem means nothing is returned.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { parseFormula } from '../../domain/chemistry/formula.js';
import type { Composition } from '../../domain/chemistry/composition.js';
import { chemicalClass } from '../../domain/chemicalClass.js';
import { nameKey } from '../../domain/materialNames.js';
import { DomainError } from '../../domain/errors.js';
import type { StructuralFamily } from '../../domain/families.js';
import { doiUrl, normalizeDoi } from '../../domain/doi.js';
import { publicationKey } from '../../domain/publicationKey.js';
import { readTemperature } from '../../domain/units/units.js';
import { negatedMagnitude, readQuantity, type CanonicalQuantity } from '../../domain/values/quantity.js';
import type { CitationConfidence } from '../../domain/vocabulary.js';
import type {
  CellOut,
  ClaimOut,
  ComponentOut,
  CoatingOut,
  EffectOut,
  FactOut,
  InterfaceOut,
  InterphaseOut,
  MaterialOut,
  MeasurementOut,
  PublicationOut,
  ResultOut,
  ReviewOut,
  SeedBundle,
  Subject,
  VariantOut,
  WindowLimitOut,
  WindowOut,
  AliasOut,
} from '../../graph/seed.records.js';
import { linkExplained, readClaim } from './seed.claims.js';
import { materialNames } from './seed.names.js';
import { InvalidRecordsError, type RecordProblem } from '../errors.js';
import {
  Alias,
  CellRecord,
  ClaimRecord,
  CoatingRecord,
  FACT_KINDS,
  FactFileHeader,
  InterphaseRecord,
  MaterialsFile,
  MeasurementRecord,
  NamedMaterial,
  ReferenceEntry,
  ReferencesFile,
  ReviewsFile,
  WindowRecord,
  type AliasSeed,
  type FactKind,
  type MaterialEvidenceSeed,
  type NamedMaterialSeed,
  type PrintedQuantitySeed,
  type ReferenceSeed,
  type ReviewSeed,
  type SourceSeed,
  type VariantSeed,
} from './seed.schema.js';

export interface ReadSeedOptions {
  seedDir: string;
  /** Folder of the review texts (../shared/seeds); null skips the quote and line checks. */
  textsDir: string | null;
}

// ---------------------------------------------------------------------------------------------------

type Report = (record: string, field: string, problem: string) => void;

/**
 * Reads and validates the whole seed.
 * @throws InvalidRecordsError with every problem found (nothing is returned then)
 */
export async function readSeed(opts: ReadSeedOptions): Promise<SeedBundle> {
  const problems: RecordProblem[] = [];
  const reporter =
    (file: string): Report =>
    (record, field, problem) =>
      problems.push({ file, record, field, problem });

  // reviews ------------------------------------------------------------------------------------------
  const reviewsData = await loadFile(opts.seedDir, 'reviews.yaml', reporter('reviews.yaml'));
  const reviewsParsed = reviewsData === undefined ? null : shape(ReviewsFile, reviewsData, reporter('reviews.yaml'), 'file');
  const reviews = reviewsParsed?.reviews ?? [];
  if (reviews.length === 0) throw new InvalidRecordsError([...problems, { file: 'reviews.yaml', record: 'file', field: 'reviews', problem: 'no reviews' }]);
  const reviewByKey = new Map(reviews.map((r) => [r.key, r]));
  const texts = new Map<string, string[]>();
  if (opts.textsDir) {
    for (const r of reviews) {
      const file = path.join(opts.textsDir, r.file);
      if (!existsSync(file)) {
        reporter('reviews.yaml')(r.key, 'file', `review text ${file} not found`);
        continue;
      }
      texts.set(r.key, (await readFile(file, 'utf8')).split('\n'));
    }
  }

  // references → publications ----------------------------------------------------------------------
  // A review cited by another review is the same publication as the review itself: its reference-list
  // identity (first author, year, volume, first page) leads to the review's DOI key. A reference entry
  // that carries a DOI is keyed by it.
  const reviewsOut: ReviewOut[] = [];
  const reviewKeyByIdentity = new Map<string, string>();
  for (const r of reviews) {
    let doi: string;
    try {
      doi = normalizeDoi(r.doi);
    } catch (e) {
      reporter('reviews.yaml')(r.key, 'doi', (e as Error).message);
      continue;
    }
    const publicationKeyOfReview = `doi:${doi}`;
    reviewsOut.push({ ...r, doi, publicationKey: publicationKeyOfReview });
    const identity = publicationKey({
      firstAuthor: r.authors.split(/[,;]/)[0]!.trim(),
      year: r.year,
      volume: r.volume,
      firstPage: r.pages.split(/[–-]/)[0]!.trim(),
      title: r.title,
    });
    reviewKeyByIdentity.set(identity, publicationKeyOfReview);
  }
  const refsByReview = new Map<string, Map<number, { ref: ReferenceSeed; key: string }>>();
  const publications = new Map<string, PublicationOut>();
  for (const r of reviews) {
    const rel = `references/${r.key}.yaml`;
    const report = reporter(rel);
    const data = await loadFile(opts.seedDir, rel, report, true);
    const byN = new Map<number, { ref: ReferenceSeed; key: string }>();
    refsByReview.set(r.key, byN);
    if (data === undefined) continue;
    const file = shape(ReferencesFile, data, report, 'file');
    if (!file) continue;
    if (file.review !== r.key) report('file', 'review', `is '${file.review}', expected '${r.key}'`);
    file.references.forEach((raw, i) => {
      const ref = shape(ReferenceEntry, raw, report, recordName(raw, i, 'n'));
      if (!ref) return;
      if (byN.has(ref.n)) return report(String(ref.n), 'n', 'duplicate reference number');
      const lines = texts.get(r.key);
      if (lines && ref.line > lines.length) report(String(ref.n), 'line', `beyond the end of ${r.file} (${lines.length} lines)`);
      let refDoi: string | null = null;
      if (ref.doi !== undefined) {
        try {
          refDoi = normalizeDoi(ref.doi);
        } catch (e) {
          report(String(ref.n), 'doi', (e as Error).message);
          return;
        }
      }
      const identity = publicationKey(ref);
      const key = refDoi ? `doi:${refDoi}` : (reviewKeyByIdentity.get(identity) ?? identity);
      byN.set(ref.n, { ref, key });
      const pub = publications.get(key) ?? {
        key,
        doi: refDoi ?? (key.startsWith('doi:') ? key.slice(4) : null),
        url: refDoi ? doiUrl(refDoi) : key.startsWith('doi:') ? doiUrl(key.slice(4)) : null,
        authors: ref.authors,
        firstAuthor: ref.firstAuthor,
        year: ref.year,
        title: ref.title,
        journal: ref.journal,
        volume: ref.volume,
        firstPage: ref.firstPage,
        citedBy: [],
      };
      pub.citedBy.push({ review: r.key, n: ref.n, line: ref.line });
      publications.set(key, pub);
    });
  }

  // materials registry ---------------------------------------------------------------------------------
  /**
   * The text is on that line of the review: a quote as facts' quotes are (whitespace collapsed), a name
   * under its lookup key (case, spaces and dashes ignored: the alias 'Na-β-alumina' is printed 'Na- β -alumina').
   */
  const checkOnLine = (review: string, line: number, needle: string, asName: boolean, record: string, field: string, report: Report): void => {
    if (!reviewByKey.has(review)) return report(record, field, `unknown review '${review}'`);
    const lines = texts.get(review);
    if (!lines) return;
    if (line > lines.length) return report(record, field, `line ${line} is beyond the end of ${reviewByKey.get(review)!.file} (${lines.length} lines)`);
    const printed = lines[line - 1]!;
    const found = asName ? nameKey(printed).includes(nameKey(needle)) : normalizeText(printed).includes(normalizeText(needle));
    if (!found) report(record, field, `'${needle}' is not on line ${line} of ${reviewByKey.get(review)!.file}`);
  };
  const checkEvidence = (e: MaterialEvidenceSeed | undefined, record: string, field: string, report: Report): void => {
    if (e && 'review' in e) checkOnLine(e.review, e.line, e.quote, false, record, `${field}.quote`, report);
  };
  const registry = new MaterialRegistry();
  const materialFiles = (await listYaml(path.join(opts.seedDir, 'materials'))).map((f) => `materials/${f}`);
  const pendingAliases: { alias: AliasSeed; file: string; review: string | null }[] = [];
  for (const rel of materialFiles) {
    const report = reporter(rel);
    const data = await loadFile(opts.seedDir, rel, report);
    const file = data === undefined ? null : shape(MaterialsFile, data, report, 'file');
    if (!file) continue;
    if (file.review && !reviewByKey.has(file.review)) report('file', 'review', `unknown review '${file.review}'`);
    (file.materials ?? []).forEach((raw, i) => {
      const m = shape(NamedMaterial, raw, report, recordName(raw, i, 'id', 'formula'));
      if (!m) return;
      const name = m.id ?? m.formula!;
      checkEvidence(m.familySource, name, 'familySource', report);
      checkEvidence(m.representativeSource, name, 'representativeSource', report);
      if (m.representativeFormula !== undefined) checkRepresentative(m, report);
      if (m.generalFormula) {
        checkEvidence(m.generalFormula.source, name, 'generalFormula.source', report);
        for (const [i, r] of (m.generalFormula.ranges ?? []).entries()) {
          if (!m.generalFormula.formula.includes(r.variable)) report(name, `generalFormula.ranges.${i}`, `'${r.variable}' is not a variable of ${m.generalFormula.formula}`);
          if (r.min > r.max) report(name, `generalFormula.ranges.${i}`, `min ${r.min} is above max ${r.max}`);
        }
      }
      registry.addMaterial(m, report);
    });
    (file.aliases ?? []).forEach((raw, i) => {
      const a = shape(Alias, raw, report, recordName(raw, i, 'alias'));
      if (!a) return;
      const review = a.review ?? file.review ?? null;
      if (review && !reviewByKey.has(review)) report(a.alias, 'review', `unknown review '${review}'`);
      if (a.source) {
        const printedIn = a.source.review ?? review;
        if (printedIn === null) report(a.alias, 'source.review', 'give the review whose line prints the alias');
        else if (a.source.quote) checkOnLine(printedIn, a.source.line, a.source.quote, false, a.alias, 'source.quote', report);
        else checkOnLine(printedIn, a.source.line, a.alias, true, a.alias, 'source.line', report);
      }
      pendingAliases.push({ alias: a, file: rel, review });
    });
  }
  for (const { alias, file, review } of pendingAliases) registry.addAlias(alias, review, reporter(file));

  // facts --------------------------------------------------------------------------------------------
  const out = {
    measurements: [] as MeasurementOut[],
    windows: [] as WindowOut[],
    interphases: [] as InterphaseOut[],
    coatings: [] as CoatingOut[],
    cells: [] as CellOut[],
    claims: [] as ClaimOut[],
  };
  const interfaces = new Map<string, InterfaceOut>();
  for (const review of reviews) {
    const localIds = new Map<string, string>();
    const coatingIds = new Set<string>();
    const pendingCellLinks: { cell: CellOut; ids: string[]; report: Report }[] = [];
    const pendingExplains: { claim: ClaimOut; ids: string[]; report: Report }[] = [];
    for (const kind of Object.keys(FACT_KINDS) as FactKind[]) {
      const rel = `facts/${review.key}/${kind}.yaml`;
      if (!existsSync(path.join(opts.seedDir, rel))) continue;
      const report = reporter(rel);
      const data = await loadFile(opts.seedDir, rel, report);
      const file = data === undefined ? null : shape(FactFileHeader, data, report, 'file');
      if (!file) continue;
      if (file.review !== review.key) report('file', 'review', `is '${file.review}', expected '${review.key}'`);
      file.records.forEach((raw, i) => {
        const name = recordName(raw, i, 'id');
        const ctx = new FactContext(review, rel, name, report, registry, refsByReview.get(review.key)!, texts.get(review.key) ?? null);
        switch (kind) {
          case 'measurements': {
            const r = shape(MeasurementRecord, raw, report, name);
            if (!r) return;
            const base = ctx.base(r);
            const subject = ctx.subject(r.material, r.family, r.variant, 'material');
            const quantity = ctx.signed(r, ctx.quantity(r.property, r.value, r.unit, r.unitAsMeant, 'value'));
            if (base && subject && quantity) {
              out.measurements.push({
                ...base,
                note: r.printedSign === 'MAGNITUDE' ? [base.note, `printed as a magnitude ('${r.value}'): stored negative, the sign convention of REACTION_ENERGY`].filter(Boolean).join(' | ') : base.note,
                ...subject,
                props: {
                  ...quantity,
                  propertyText: r.propertyText ?? null,
                  contribution: r.contribution ?? null,
                  reportedFormula: r.material ?? null,
                  reportedSiteComposition: null,
                  ...conditionsOut(r.conditions),
                },
              });
            }
            break;
          }
          case 'windows': {
            const r = shape(WindowRecord, raw, report, name);
            if (!r) return;
            const base = ctx.base(r);
            const subject = ctx.subject(r.material, r.family, r.variant, 'material');
            const limit = (l: { value?: string; text?: string } | undefined, field: string): WindowLimitOut | null | undefined => {
              if (!l) return null;
              const q = l.value === undefined ? null : ctx.quantity('VOLTAGE', l.value, r.unit ?? 'V', undefined, `${field}.value`);
              if (q === undefined) return undefined;
              return { quantity: q, text: l.text ?? null };
            };
            const reduction = limit(r.reduction, 'reduction');
            const oxidation = limit(r.oxidation, 'oxidation');
            if (base && subject && reduction !== undefined && oxidation !== undefined) {
              out.windows.push({ ...base, ...subject, reduction, oxidation, scale: r.scale ?? 'LI', method: r.method, methodText: r.methodText ?? null });
            }
            break;
          }
          case 'interphases': {
            const r = shape(InterphaseRecord, raw, report, name);
            if (!r) return;
            const base = ctx.base(r);
            const electrolyte = ctx.subject(r.electrolyte, r.electrolyteFamily, r.electrolyteVariant, 'electrolyte');
            const kindOf = r.counterpartKind ?? 'MATERIAL';
            const counterpart = r.counterpart === undefined ? null : ctx.material(r.counterpart, 'counterpart');
            const products = r.products.map((p, k) => ctx.material(p, `products.${k}`));
            const potential = r.potential ? ctx.printed('VOLTAGE', r.potential, 'potential') : null;
            const thickness = r.thickness ? ctx.printed('THICKNESS', r.thickness, 'thickness') : null;
            if (!base || !electrolyte || counterpart === undefined || products.some((p) => p === undefined) || potential === undefined || thickness === undefined) return;
            const counterpartId = counterpart?.materialId ?? null;
            const subjectId = electrolyte.materialId ?? `family:${electrolyte.family}`;
            const interfaceId = `${subjectId}|${kindOf === 'MATERIAL' ? counterpartId : kindOf}`;
            interfaces.set(interfaceId, {
              id: interfaceId,
              electrolyteId: electrolyte.materialId,
              electrolyteFamily: electrolyte.family,
              counterpartKind: kindOf,
              counterpartId: kindOf === 'MATERIAL' ? counterpartId : null,
            });
            out.interphases.push({
              ...base,
              interfaceId,
              electrolyteVariantId: electrolyte.variantId,
              counterpartText: r.counterpartText ?? null,
              potential,
              conditions: r.conditions ?? null,
              ...distinctProducts(products as { materialId: string; variantId: string | null }[]),
              counterpartVariantId: counterpart?.variantId ?? null,
              productsText: r.productsText ?? null,
              stabilityClass: r.stabilityClass ?? null,
              interphaseType: r.interphaseType ?? null,
              characterText: r.characterText ?? null,
              thickness,
              evidence: r.evidence.map((e, position) => ({ technique: e.technique, text: e.text ?? null, position })),
              computed: r.computed ?? null,
            });
            break;
          }
          case 'coatings': {
            const r = shape(CoatingRecord, raw, report, name);
            if (!r) return;
            const base = ctx.base(r);
            const coating = ctx.material(r.coating, 'coating', r.coatingVariant);
            const substrate = r.substrate === undefined ? null : ctx.material(r.substrate, 'substrate');
            const electrolyte = r.electrolyte === undefined ? null : ctx.material(r.electrolyte, 'electrolyte');
            const thickness = r.thickness ? ctx.printed('THICKNESS', r.thickness, 'thickness') : null;
            const effects = r.effects.map((e, k): EffectOut | undefined => {
              const q = (p: PrintedQuantitySeed | undefined, f: string) => (p ? ctx.printed(e.property, p, `effects.${k}.${f}`) : null);
              const before = q(e.before, 'before');
              const after = q(e.after, 'after');
              const value = q(e.value, 'value');
              if (before === undefined || after === undefined || value === undefined) return undefined;
              return { property: e.property, propertyText: e.propertyText ?? null, before, after, value, text: e.text ?? null };
            });
            if (!base || !coating || substrate === undefined || electrolyte === undefined || thickness === undefined || effects.some((e) => !e)) return;
            coatingIds.add(r.id);
            out.coatings.push({
              ...base,
              coatingId: coating.materialId,
              coatingVariantId: coating.variantId,
              role: r.role,
              substrateId: substrate?.materialId ?? null,
              substrateVariantId: substrate?.variantId ?? null,
              substrateText: r.substrateText ?? null,
              electrolyteId: electrolyte?.materialId ?? null,
              electrolyteVariantId: electrolyte?.variantId ?? null,
              method: r.method,
              methodText: r.methodText ?? null,
              thickness,
              loading: r.loading ?? null,
              effects: effects as EffectOut[],
              effectText: r.effectText,
            });
            break;
          }
          case 'cells': {
            const r = shape(CellRecord, raw, report, name);
            if (!r) return;
            const base = ctx.base(r);
            const components = r.components.map((c, k) => {
              const m = ctx.material(c.material, `components.${k}.material`, c.variant);
              return m ? { role: c.role, materialId: m.materialId, variantId: m.variantId, text: c.text ?? null } : undefined;
            });
            const results = r.results.map((res, k) => {
              const q = ctx.quantity(res.property, res.value, res.unit, res.unitAsMeant, `results.${k}.value`);
              return q ? { ...q, propertyText: res.propertyText ?? null, atCycle: res.atCycle ?? null, text: res.text ?? null } : undefined;
            });
            if (!base || components.some((c) => !c) || results.some((x) => !x)) return;
            const temperature = r.conditions?.temperature ?? null;
            const conditions = {
              temperatureText: temperature,
              temperatureK: temperature ? readTemperature(temperature).kelvin : null,
              currentDensity: r.conditions?.currentDensity ?? null,
              cRate: r.conditions?.cRate ?? null,
              stackPressure: r.conditions?.stackPressure ?? null,
              arealLoading: r.conditions?.arealLoading ?? null,
              voltageRange: r.conditions?.voltageRange ?? null,
              other: r.conditions?.other ?? null,
            };
            const cell: CellOut = {
              ...base,
              cellType: r.cellType,
              components: components as ComponentOut[],
              conditions,
              results: results as ResultOut[],
              resultText: r.resultText,
              coatingApplicationIds: [],
            };
            out.cells.push(cell);
            if (r.coatingApplications) pendingCellLinks.push({ cell, ids: r.coatingApplications, report: (_rec, f, p) => report(name, f, p) });
            break;
          }
          case 'claims': {
            const r = shape(ClaimRecord, raw, report, name);
            const claim = r ? readClaim(ctx, r, interfaces) : undefined;
            if (!r || !claim) return;
            out.claims.push(claim);
            if (r.explains) pendingExplains.push({ claim, ids: r.explains, report: (_rec, f, p) => report(name, f, p) });
            break;
          }
        }
        // ids are unique within a review, across its fact files
        const localId = (raw as { id?: unknown })?.id;
        if (typeof localId === 'string') {
          const earlier = localIds.get(localId);
          if (earlier) report(name, 'id', `duplicate of the record in ${earlier}`);
          else localIds.set(localId, rel);
        }
      });
    }
    for (const { cell, ids, report } of pendingCellLinks) {
      for (const [k, cid] of ids.entries()) {
        if (!coatingIds.has(cid)) report(cell.localId, `coatingApplications.${k}`, `no coating record '${cid}' in ${review.key}`);
        else cell.coatingApplicationIds.push(`${review.key}:${cid}`);
      }
    }
    linkExplained(pendingExplains, review.key, localIds);
  }

  if (problems.length > 0) throw new InvalidRecordsError(problems);
  return {
    reviews: reviewsOut,
    publications: [...publications.values()],
    materials: registry.materials(),
    variants: registry.variants(),
    aliases: registry.aliasesOut(),
    names: materialNames(registry.materials(), registry.variants(), registry.aliasesOut()),
    interfaces: [...interfaces.values()],
    ...out,
    quotesChecked: opts.textsDir !== null,
  };
}

// ---------------------------------------------------------------------------------------------------

/** Per-record checks that need the review: source lines, quote, references, materials, quantities. */
class FactContext {
  constructor(
    private readonly review: ReviewSeed,
    private readonly seedFile: string,
    private readonly record: string,
    private readonly report: Report,
    private readonly registry: MaterialRegistry,
    private readonly refs: Map<number, { ref: ReferenceSeed; key: string }>,
    private readonly lines: string[] | null,
  ) {}

  private problem(field: string, problem: string): undefined {
    this.report(this.record, field, problem);
    return undefined;
  }

  base(r: { id: string; source: SourceSeed; quote: string; note?: string }): FactOut | undefined {
    const refsOf = (ref: number | number[] | undefined) => (ref === undefined ? [] : Array.isArray(ref) ? ref : [ref]);
    // every place that prints the statement, the record's own first, each quote checked on its own line(s)
    const places = [
      { lines: r.source.lines ?? [r.source.line!], refs: refsOf(r.source.ref), quote: r.quote, field: 'quote' },
      ...(r.source.alsoAt ?? []).map((p, i) => ({ lines: p.lines ?? [p.line!], refs: refsOf(p.ref), quote: p.quote, field: `source.alsoAt.${i}.quote` })),
    ];
    const lines = distinct(places.flatMap((p) => p.lines));
    const refs = distinct(places.flatMap((p) => p.refs));
    let ok = true;
    if (this.lines) {
      for (const place of places) {
        let onPage = true;
        for (const l of place.lines) if (l > this.lines.length) onPage = ok = !!this.problem('source.line', `line ${l} is beyond the end of ${this.review.file} (${this.lines.length} lines)`);
        if (!onPage) continue;
        const haystack = normalizeText(place.lines.map((l) => this.lines![l - 1]!).join(' '));
        if (!haystack.includes(normalizeText(place.quote))) {
          ok = !!this.problem(place.field, `not found on line${place.lines.length > 1 ? 's' : ''} ${place.lines.join(', ')} of ${this.review.file}`);
        }
      }
      const seen = new Set<string>();
      for (const place of places) {
        const at = `${place.lines.join(',')}|${normalizeText(place.quote)}`;
        if (seen.has(at)) ok = !!this.problem('source.alsoAt', `the place at line ${place.lines.join(', ')} with the same quote is given twice`);
        seen.add(at);
      }
    }
    const keys: string[] = [];
    for (const n of refs) {
      const entry = this.refs.get(n);
      if (!entry) ok = !!this.problem('source.ref', `reference ${n} is not in the reference list of ${this.review.key}`);
      else keys.push(entry.key);
    }
    let correctedKey: string | null = null;
    if (r.source.correctedRef !== undefined) {
      const entry = this.refs.get(r.source.correctedRef);
      if (!entry) ok = !!this.problem('source.correctedRef', `reference ${r.source.correctedRef} is not in the reference list`);
      else correctedKey = entry.key;
    }
    const citation: CitationConfidence = r.source.citation ?? (refs.length === 0 ? 'NONE' : 'CONFIDENT');
    if (citation === 'NONE' && refs.length > 0) ok = !!this.problem('source.citation', 'NONE but a ref is given');
    if (citation !== 'NONE' && refs.length === 0) ok = !!this.problem('source.ref', `citation ${citation} needs ref`);
    if (!ok) return undefined;
    return {
      id: `${this.review.key}:${r.id}`,
      localId: r.id,
      review: this.review.key,
      seedFile: this.seedFile,
      textFile: this.review.file,
      lines,
      refs,
      publicationKeys: distinct(keys),
      citation,
      correctedRef: r.source.correctedRef ?? null,
      correctedPublicationKey: correctedKey,
      quote: r.quote,
      places: places.map((p) => ({ line: p.lines[0]!, quote: p.quote })),
      note: [r.note, r.source.note].filter(Boolean).join(' | ') || null,
    };
  }

  material(ref: string, field: string, variant?: VariantSeed): { materialId: string; variantId: string | null } | undefined {
    const resolved = this.registry.resolve(ref, this.review.key);
    if (typeof resolved === 'string') return this.problem(field, resolved);
    const spec = mergeVariants(resolved.variant, variant);
    const variantId = spec ? this.registry.variant(resolved.materialId, spec) : null;
    return { materialId: resolved.materialId, variantId };
  }

  subject(material: string | undefined, family: StructuralFamily | undefined, variant: VariantSeed | undefined, field: string): Subject | undefined {
    if (family !== undefined) {
      if (variant) return this.problem('variant', 'a family-level statement cannot have a variant');
      return { materialId: null, variantId: null, family };
    }
    const m = this.material(material!, field, variant);
    return m ? { ...m, family: null } : undefined;
  }

  quantity(property: z.infer<typeof MeasurementRecord>['property'], value: string, unit: string | undefined, unitAsMeant: string | undefined, field: string) {
    try {
      return readQuantity(property, value, unit ?? '', unitAsMeant ?? null);
    } catch (e) {
      if (e instanceof DomainError) return this.problem(field, e.message);
      throw e;
    }
  }

  /**
   * A reaction energy in the one sign convention (negative = favourable): a magnitude is negated, and a positive
   * value without `printedSign` is refused (no review prints an unfavourable one).
   */
  signed(r: z.infer<typeof MeasurementRecord>, q: CanonicalQuantity | undefined): CanonicalQuantity | undefined {
    if (!q || r.property !== 'REACTION_ENERGY') return q;
    if (r.printedSign === 'MAGNITUDE') return negatedMagnitude(q);
    if ([q.value, q.min, q.max].some((x) => x !== null && x > 0)) {
      return this.problem('value', "a positive reaction energy: if the review prints the magnitude of a favourable one, say `printedSign: MAGNITUDE`");
    }
    return q;
  }

  printed(property: z.infer<typeof MeasurementRecord>['property'], q: PrintedQuantitySeed, field: string) {
    return this.quantity(property, q.value, q.unit, q.unitAsMeant, field);
  }
}

/** Materials: named (registry id), compositions (formula → key), aliases, variants. */
class MaterialRegistry {
  private readonly named = new Map<string, NamedMaterialSeed>();
  private readonly curated = new Map<string, NamedMaterialSeed>();
  private readonly globalAliases = new Map<string, { materialId: string; variant?: VariantSeed }>();
  private readonly reviewAliases = new Map<string, Map<string, { materialId: string; variant?: VariantSeed }>>();
  private readonly compositions = new Map<string, { composition: Composition; formulas: string[] }>();
  private readonly variantMap = new Map<string, VariantOut>();
  private readonly aliasList: AliasOut[] = [];

  addMaterial(m: NamedMaterialSeed, report: Report): void {
    if (m.id !== undefined) {
      const earlier = this.named.get(m.id);
      if (earlier && !sameCuration(earlier, m)) {
        report(m.id, 'id', `defined twice with different name, family, class or representative formula ('${earlier.name}' vs '${m.name}')`);
        return;
      }
      this.named.set(m.id, m);
      return;
    }
    let c: Composition;
    try {
      c = parseFormula(m.formula!);
    } catch (e) {
      report(m.formula!, 'formula', (e as Error).message);
      return;
    }
    const earlier = this.curated.get(c.key);
    if (earlier && !sameCuration(earlier, m)) {
      report(m.formula!, 'formula', `the composition ${c.key} is curated twice with different name, family or class ('${earlier.name}' vs '${m.name}')`);
      return;
    }
    this.curated.set(c.key, m);
    this.noteComposition(c, m.formula!);
  }

  addAlias(a: AliasSeed, review: string | null, report: Report): void {
    const target = this.resolveDirect(a.material);
    if (typeof target === 'string') {
      report(a.alias, 'material', target);
      return;
    }
    const map = review === null ? this.globalAliases : this.reviewAliases.get(review) ?? new Map();
    if (review !== null) this.reviewAliases.set(review, map);
    const earlier = map.get(a.alias);
    if (earlier && earlier.materialId !== target.materialId) {
      report(a.alias, 'alias', `defined twice${review ? ` for ${review}` : ''} with different materials`);
      return;
    }
    const entry = { materialId: target.materialId, ...(a.variant ? { variant: a.variant } : {}) };
    map.set(a.alias, entry);
    this.aliasList.push({ alias: a.alias, review, line: a.source?.line ?? null, materialId: target.materialId, variantId: a.variant ? this.variant(target.materialId, a.variant) : null });
  }

  /** Registry id, then alias (of the review, then of all reviews), then formula. */
  resolve(ref: string, review: string): { materialId: string; variant?: VariantSeed } | string {
    const name = ref.trim();
    if (this.named.has(name)) return { materialId: namedId(name) };
    const alias = this.reviewAliases.get(review)?.get(name) ?? this.globalAliases.get(name);
    if (alias) return alias;
    return this.resolveDirect(name);
  }

  private resolveDirect(ref: string): { materialId: string } | string {
    const name = ref.trim();
    if (this.named.has(name)) return { materialId: namedId(name) };
    try {
      const c = parseFormula(name);
      this.noteComposition(c, name);
      return { materialId: c.key };
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return `'${name}' is not a registry id, an alias or a formula (${e.message})`;
    }
  }

  private noteComposition(c: Composition, formula: string): void {
    const entry = this.compositions.get(c.key);
    if (entry) {
      if (!entry.formulas.includes(formula)) entry.formulas.push(formula);
    } else {
      this.compositions.set(c.key, { composition: c, formulas: [formula] });
    }
  }

  variant(materialId: string, spec: VariantSeed): string {
    const dopants = [...(spec.dopants ?? [])].sort((a, b) => a.element.localeCompare(b.element));
    const parts = [
      spec.polymorph ? `polymorph=${spec.polymorph}` : '',
      spec.form ? `form=${spec.form}` : '',
      dopants.length ? `dopants=${dopants.map((d) => `${d.element}${d.site ? `@${d.site}` : ''}${d.amount !== undefined ? `:${d.amount}` : ''}`).join(',')}` : '',
    ].filter(Boolean);
    const id = `${materialId}|${parts.length ? parts.join(';') : `label=${spec.label ?? 'unspecified'}`}`;
    const existing = this.variantMap.get(id);
    if (existing) {
      if (spec.label && !existing.labels.includes(spec.label)) existing.labels.push(spec.label);
      return id;
    }
    this.variantMap.set(id, {
      id,
      materialId,
      labels: spec.label ? [spec.label] : [],
      polymorph: spec.polymorph ?? null,
      form: spec.form ?? null,
      dopants: dopants.map((d) => ({ element: d.element, site: d.site ?? null, amount: d.amount === undefined ? null : String(d.amount) })),
    });
    return id;
  }

  materials(): MaterialOut[] {
    const named: MaterialOut[] = [...this.named.values()].map((m) => {
      const elements = [...new Set(m.elements ?? [])].sort();
      return {
        id: namedId(m.id!),
        kind: 'NAMED',
        name: m.name!,
        description: m.description ?? null,
        family: m.family ?? null,
        formula: null,
        reducedFormula: null,
        composition: [],
        elements,
        chemicalSystem: elements.length ? elements.join('-') : null,
        elementCount: elements.length,
        reportedFormulas: [],
        chemicalClass: m.chemicalClass ?? chemicalClass(elements, m.family ?? null),
        representativeFormula: m.representativeFormula ?? null,
        representativeFormulaSource: m.representativeSource ? evidenceText(m.representativeSource) : null,
        generalFormula: m.generalFormula?.formula ?? null,
        stoichiometryRanges: m.generalFormula?.ranges ?? [],
        generalFormulaSource: m.generalFormula ? evidenceText(m.generalFormula.source) : null,
      };
    });
    const compositional: MaterialOut[] = [...this.compositions.entries()].map(([key, { composition, formulas }]) => {
      const curated = this.curated.get(key);
      const first = curated ? parseFormula(curated.formula!) : composition;
      return {
        id: key,
        kind: 'COMPOSITION',
        name: curated?.name ?? first.reducedFormula,
        description: curated?.description ?? null,
        family: curated?.family ?? null,
        formula: curated?.formula ?? formulas[0]!,
        reducedFormula: first.reducedFormula,
        composition: first.entries(),
        elements: first.elements,
        chemicalSystem: first.chemicalSystem,
        elementCount: first.elementCount,
        reportedFormulas: formulas,
        chemicalClass: curated?.chemicalClass ?? chemicalClass(first, curated?.family ?? null),
        representativeFormula: null,
        representativeFormulaSource: null,
        generalFormula: null,
        stoichiometryRanges: [],
        generalFormulaSource: null,
      };
    });
    return [...named, ...compositional].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  variants(): VariantOut[] {
    return [...this.variantMap.values()];
  }

  aliasesOut(): AliasOut[] {
    return this.aliasList;
  }
}

/** A representative formula is a composition of the elements the named material always contains. */
function checkRepresentative(m: NamedMaterialSeed, report: Report): void {
  let c: Composition;
  try {
    c = parseFormula(m.representativeFormula!);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return report(m.id!, 'representativeFormula', e.message);
  }
  const elements = [...new Set(m.elements ?? [])].sort();
  if (elements.length > 0 && c.elements.join(',') !== elements.join(',')) {
    report(m.id!, 'representativeFormula', `has the elements ${c.elements.join(', ')}, not those of the material (${elements.join(', ')})`);
  }
}

/** Two curations of one material agree (a material may be listed in more than one file). */
function sameCuration(a: NamedMaterialSeed, b: NamedMaterialSeed): boolean {
  return (
    a.name === b.name &&
    a.family === b.family &&
    a.chemicalClass === b.chemicalClass &&
    a.representativeFormula === b.representativeFormula &&
    a.generalFormula?.formula === b.generalFormula?.formula
  );
}

/** Evidence as one line of text: 'feng2022 line 230: "..."', 'OBELiX row ij5', 'doi:10.… (note)'. */
function evidenceText(e: MaterialEvidenceSeed): string {
  const note = e.note ? ` (${e.note})` : '';
  if ('review' in e) return `${e.review} line ${e.line}: "${e.quote}"${note}`;
  if ('obelix' in e) return `OBELiX row ${e.obelix}${note}`;
  return `doi:${e.doi}${note}`;
}

/** Named materials get ids that no composition key can take. */
export function namedId(id: string): string {
  return `named:${id}`;
}

function mergeVariants(a: VariantSeed | undefined, b: VariantSeed | undefined): VariantSeed | undefined {
  if (!a) return b;
  if (!b) return a;
  return { ...a, ...b, dopants: b.dopants ?? a.dopants };
}

/** The conditions of a measurement, as its node stores them. */
type ConditionsOut = Pick<
  MeasurementOut['props'],
  'temperatureText' | 'temperatureK' | 'temperatureMinK' | 'temperatureMaxK' | 'method' | 'computed' | 'sampleForm' | 'basis' | 'atmosphere' | 'conditionsOther'
>;

function conditionsOut(c: z.infer<typeof MeasurementRecord>['conditions']): ConditionsOut {
  const t = c?.temperature ? readTemperature(c.temperature) : null;
  return {
    temperatureText: c?.temperature ?? null,
    temperatureK: t?.kelvin ?? null,
    temperatureMinK: t?.minK ?? null,
    temperatureMaxK: t?.maxK ?? null,
    method: c?.method ?? null,
    computed: c?.computed ?? null,
    sampleForm: c?.sampleForm ?? null,
    basis: c?.basis ?? null,
    atmosphere: c?.atmosphere ?? null,
    conditionsOther: c?.other ?? null,
  };
}

/** Collapses whitespace so that a quote spanning a converted line break still matches. */
function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function distinct<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Products in order, each (material, variant) once. */
function distinctProducts(products: { materialId: string; variantId: string | null }[]): { productIds: string[]; productVariantIds: string[] } {
  const seen = new Set<string>();
  const out = { productIds: [] as string[], productVariantIds: [] as string[] };
  for (const p of products) {
    const k = `${p.materialId}|${p.variantId ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.productIds.push(p.materialId);
    out.productVariantIds.push(p.variantId ?? '');
  }
  return out;
}

function recordName(raw: unknown, index: number, ...keys: string[]): string {
  if (raw && typeof raw === 'object') {
    for (const k of keys) {
      const v = (raw as Record<string, unknown>)[k];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
  }
  return `#${index + 1}`;
}

/** Parses with zod; reports each issue as record: field: problem. */
function shape<T extends z.ZodTypeAny>(schema: T, data: unknown, report: Report, record: string): z.infer<T> | null {
  const r = schema.safeParse(data);
  if (r.success) return r.data as z.infer<T>;
  for (const issue of r.error.issues) {
    const field = issue.path.length ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? '(record)' : '(record)';
    report(record, field, issue.message);
  }
  return null;
}

async function loadFile(dir: string, rel: string, report: Report, optional = false): Promise<unknown> {
  const file = path.join(dir, rel);
  if (!existsSync(file)) {
    if (!optional) report('file', '(file)', 'not found');
    return undefined;
  }
  try {
    return parseYaml(await readFile(file, 'utf8'), { uniqueKeys: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      report(pos ? `line ${pos.line}` : 'file', '(YAML)', e.message.split('\n')[0]!);
      return undefined;
    }
    throw e;
  }
}

async function listYaml(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
}
export type { SeedBundle } from '../../graph/seed.records.js';

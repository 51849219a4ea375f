/**
 * The one declaration of a node kind's properties (see README.md of this folder). A property says, once:
 * its GraphQL type (a scalar, an enum of the domain's vocabularies, or an object type by name), whether it
 * may be null, its description (units and sources), and how the node stores it: as a node property (under
 * its own name or another), as a value stored flat under a prefix (`potentialValue`, `potentialUnit`...), or
 * derived by the graph layer from relationships or several properties. Everything else derives from it:
 * the record types (`RecordOf`), the values a writer must give (`StoredOf`), the read projection, the
 * filterable properties and the GraphQL fields.
 *
 * Pure declarations: no graphql, no neo4j-driver.
 */

export type ScalarName = 'ID' | 'String' | 'Int' | 'Float' | 'Boolean' | 'NonNegativeInt';

/** The GraphQL output type of a property: a scalar, a registered enum, or a registered object type, by name. */
export type OutputType = { scalar: ScalarName } | { enum: string } | { object: string };

/** How a node stores a property. */
export type Storage =
  /** A node property (`name`: its name on the node; `fallback`: a Cypher-free default read for a missing property). */
  | { kind: 'property'; name: string | null; fallback: string | number | boolean | readonly never[] | null }
  /** A value (qualifier, value, min, max, unit, printed value...) stored flat under a prefix. */
  | { kind: 'quantity'; prefix: string }
  /** Read by the graph layer from relationships or several properties; never written as such. */
  | { kind: 'derived' }
  /** A list of objects stored as parallel list properties, one per field (a null field stored as ''). */
  | { kind: 'columns'; columns: readonly Column[] };

/** One field of the objects of a list stored as parallel list properties: its key and the list property holding it. */
export interface Column {
  readonly field: string;
  readonly name: string;
  /** Stored as '' (a number as NaN) when null (list properties cannot hold nulls), read back as null. */
  readonly nullable: boolean;
  /** A number (Int, Float): its list is a list of floats, a null stored as NaN. */
  readonly numeric: boolean;
}

/**
 * A property several sources keep their own copy of (`seedName`, `obelixFormula`: the source's name, then the
 * property's), and how its public value follows from the copies, so that the order the sources were loaded
 * in does not matter and a source that is removed takes exactly its copies with it.
 */
export interface PerSource {
  /** The sources that keep a copy, in precedence order. */
  readonly sources: readonly string[];
  /** 'first': the first source's copy that is set; 'union': every source's values in source order, without repeats. */
  readonly rule: 'first' | 'union';
  /** The copy's name after the source's when it is not the stored name (`seedFormulas` for reportedFormulas). */
  readonly copyName: string | null;
  /** For 'first': properties whose public value follows when no source has a copy (a material's name: its reduced formula, then its id). */
  readonly then: readonly string[];
  /** For 'union': sources whose part is their copy of another, single-valued property ({ seed: 'family' }), before the others. */
  readonly from: Readonly<Record<string, string>>;
}

declare const keptBy: unique symbol;
/** A property kept per source by the sources `Src` (type only: what each source's writer must give). */
export type KeptBy<Src extends string> = { readonly [keptBy]: Src };

/** One property of a node kind; `T` is its value in records (null included when it may be null). */
export class Prop<T, S extends Storage['kind'] = Storage['kind']> {
  declare readonly valueType: T;
  declare readonly stores: S;
  constructor(
    readonly output: OutputType,
    readonly description: string,
    readonly nullable: boolean = false,
    readonly list: boolean = false,
    readonly storage: Storage = { kind: 'property', name: null, fallback: null },
    /** Filters and orders may compare it (a stored property only). */
    readonly canFilter: boolean = false,
    /** Part of the record the resolvers read, but not a GraphQL field (an id a field resolver follows). */
    readonly internal: boolean = false,
    /** The GraphQL field's name when it differs from the record's key (`reduction` → `reductionLimit`). */
    readonly graphqlName: string | null = null,
    /** Kept per source (see `PerSource`): the stored property is derived from the sources' copies. */
    readonly perSource: PerSource | null = null,
  ) {}

  private with<U, S2 extends Storage['kind'] = S>(
    changes: Partial<Pick<Prop<unknown>, 'nullable' | 'list' | 'storage' | 'canFilter' | 'internal' | 'graphqlName' | 'perSource'>>,
  ): Prop<U, S2> {
    const c = { ...this, ...changes } as Prop<unknown>;
    return new Prop<U, S2>(c.output, c.description, c.nullable, c.list, c.storage, c.canFilter, c.internal, c.graphqlName, c.perSource);
  }

  /** May be null (absent on the node). */
  optional(): Prop<T | null, S> {
    return this.with<T | null>({ nullable: true });
  }

  /** A list of values (stored as a list property; never null: a missing list reads as []). */
  many(): Prop<T[], S> {
    return this.with<T[]>({ list: true, storage: this.storage.kind === 'property' ? { ...this.storage, fallback: [] } : this.storage });
  }

  /** Stored under another property name on the node. */
  storedAs(name: string): Prop<T, S> {
    if (this.storage.kind !== 'property') throw new Error('storedAs: not a stored property');
    return this.with({ storage: { ...this.storage, name } });
  }

  /** Read as `fallback` when the node does not have it (older graphs, optional flags). */
  orElse(fallback: string | number | boolean): Prop<Exclude<T, null>, S> {
    if (this.storage.kind !== 'property') throw new Error('orElse: not a stored property');
    return this.with<Exclude<T, null>>({ nullable: false, storage: { ...this.storage, fallback } });
  }

  /** Stored flat under `prefix`, one node property per field of `Quantity` (see `QUANTITY_PARTS`, quantity.kind.ts). */
  flatUnder(prefix: string): Prop<T, 'quantity'> {
    return this.with<T, 'quantity'>({ storage: { kind: 'quantity', prefix } });
  }

  /** Read by the graph layer from relationships or several properties. */
  derived(): Prop<T, 'derived'> {
    return this.with<T, 'derived'>({ storage: { kind: 'derived' } });
  }

  /** Filters and orders may read it. */
  filterable(): Prop<T, S> {
    return this.with({ canFilter: true });
  }

  /** In the record, not in the GraphQL type. */
  hidden(): Prop<T, S> {
    return this.with({ internal: true });
  }

  /** The GraphQL field is called `name`. */
  named(name: string): Prop<T, S> {
    return this.with({ graphqlName: name });
  }

  /**
   * Kept per source: each of `sources` (in precedence order) writes its own copy, and the public property is
   * derived from the copies by `rule` (see `PerSource`). The last modifier of a declaration.
   */
  keptPerSource<Src extends string>(
    sources: readonly Src[],
    rule: PerSource['rule'] = 'first',
    options: { copyName?: string; then?: readonly string[]; from?: Readonly<Record<string, string>> } = {},
  ): Prop<T, S> & KeptBy<Src> {
    if (this.storage.kind === 'derived' || this.storage.kind === 'quantity') throw new Error('keptPerSource: not a stored property');
    if (rule === 'union' && !this.list) throw new Error('keptPerSource: a union of a single value');
    const perSource: PerSource = { sources, rule, copyName: options.copyName ?? null, then: options.then ?? [], from: options.from ?? {} };
    return this.with({ perSource }) as Prop<T, S> & KeptBy<Src>;
  }
}

export const id = (description: string) => new Prop<string, 'property'>({ scalar: 'ID' }, description);
export const text = (description: string) => new Prop<string, 'property'>({ scalar: 'String' }, description);
export const int = (description: string) => new Prop<number, 'property'>({ scalar: 'Int' }, description);
export const float = (description: string) => new Prop<number, 'property'>({ scalar: 'Float' }, description);
export const flag = (description: string) => new Prop<boolean, 'property'>({ scalar: 'Boolean' }, description);
/** A value of a domain vocabulary, registered as the GraphQL enum `name`. */
export const oneOf = <V extends string>(name: string, _values: Readonly<Record<V, unknown>> | readonly V[], description: string) =>
  new Prop<V, 'property'>({ enum: name }, description);
/** A count (the GraphQL scalar NonNegativeInt). */
export const count = (description: string) => new Prop<number, 'property'>({ scalar: 'NonNegativeInt' }, description);
/** A value of the GraphQL object type `name`, shaped as `T` in records. */
export const object = <T>(name: string, description: string) => new Prop<T, 'property'>({ object: name }, description).derived();

/**
 * A list of objects of `kind` (an object type declared as a node kind) stored as parallel list properties
 * on the node, one per field (`columns`: field → property name): a material's composition as
 * `compositionElements` and `compositionAmounts`.
 */
export const listOf = <K extends NodeKindSpec>(kind: K, description: string, columns: { readonly [F in keyof K['properties']]: string }) =>
  new Prop<RecordOf<K>[], 'columns'>({ object: kind.name }, description, false, true, {
    kind: 'columns',
    columns: Object.entries(columns as Record<string, string>).map(([field, name]) => {
      const p = kind.properties[field]!;
      return { field, name, nullable: p.nullable, numeric: 'scalar' in p.output && (p.output.scalar === 'Int' || p.output.scalar === 'Float') };
    }),
  });

/** A node kind: its label and its properties, each declared once. */
export interface NodeKindSpec<P extends Record<string, Prop<unknown>> = Record<string, Prop<unknown>>> {
  /** The GraphQL type and node label (a relationship kind that is no GraphQL type: its relationship type). */
  readonly name: string;
  readonly description: string;
  readonly properties: P;
  /** The relationship type whose properties these are (`CITES`, `HAS_COMPONENT`...); null for a kind stored on nodes. */
  readonly relationship: string | null;
  /** Whether the GraphQL schema has an object type of `name` (false: read by the graph layer only, every property hidden). */
  readonly graphql: boolean;
}

export function nodeKind<P extends Record<string, Prop<unknown>>>(
  name: string,
  description: string,
  properties: P,
  options: { relationship?: string; graphql?: boolean } = {},
): NodeKindSpec<P> {
  return { name, description, properties, relationship: options.relationship ?? null, graphql: options.graphql ?? true };
}

/**
 * The properties of the relationships of `type` that no GraphQL type shows (a fact's REPORTED_BY position,
 * a measurement's FROM_DATASET record): declared with the same builders, every one hidden, so that the
 * writers (`storedProps`) and the readers (`projectionOf`) name them from one place.
 */
export function relationshipKind<P extends Record<string, Prop<unknown>>>(type: string, description: string, properties: P): NodeKindSpec<P> {
  for (const [field, p] of Object.entries(properties)) if (!p.internal) throw new Error(`${type}.${field}: a property of a relationship no GraphQL type shows is hidden`);
  return nodeKind(type, description, properties, { relationship: type, graphql: false });
}

/** A kind whose `position` orders the relationships of its type in the source's order (REPORTED_BY, HAS_RESULT...). */
export type PositionedKind = NodeKindSpec<{ position: Prop<number, 'property'> }>;

/** A record of a node kind, as the graph layer returns it and the GraphQL type reads it. */
export type RecordOf<K extends NodeKindSpec> = { -readonly [F in keyof K['properties']]: K['properties'][F]['valueType'] };

/** The keys of a kind's properties that the node stores (what a writer gives). */
export type StoredKeys<K extends NodeKindSpec> = {
  [F in keyof K['properties']]: K['properties'][F]['stores'] extends 'derived' ? never : F;
}[keyof K['properties']];

/** What a writer gives for a node of kind K: every stored property, null where it may be. */
export type StoredOf<K extends NodeKindSpec> = { [F in StoredKeys<K>]: K['properties'][F]['valueType'] };

/** The properties of kind K that source `Src` keeps a copy of (keptPerSource). */
export type SourceKeys<K extends NodeKindSpec, Src extends string> = {
  [F in keyof K['properties']]: K['properties'][F] extends KeptBy<infer X> ? (Src extends X ? F : never) : never;
}[keyof K['properties']];

/** What the writer of source `Src` gives for a node of kind K: its copy of every property it keeps. */
export type SourceStoredOf<K extends NodeKindSpec, Src extends string> = { [F in SourceKeys<K, Src>]: K['properties'][F]['valueType'] };

/** The name of each stored property on the node. */
export function storedName(field: string, p: Prop<unknown>): string {
  return p.storage.kind === 'property' ? (p.storage.name ?? field) : field;
}

/** The properties filters and orders may compare, by their stored names. */
export function filterableProperties(kind: NodeKindSpec): Set<string> {
  return new Set(
    Object.entries(kind.properties)
      .filter(([, p]) => p.canFilter && p.storage.kind === 'property')
      .map(([f, p]) => storedName(f, p)),
  );
}


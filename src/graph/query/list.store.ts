/**
 * Runs a compiled root list: one statement in one read transaction, named after the list
 * (`materials.list`, `measurements.list`), so query counts per request can be observed.
 */
import type { GraphDatabase, Row } from '../database.js';
import { compileList } from './compile.js';
import { readRelationDegrees, type RelationDegrees } from './degrees.js';
import type { ListPlan } from './plan.js';
import { nameChecksOf, type NameCheck } from './compile.names.js';

export interface ListRows {
  /** The page's rows in order, one more than asked when a next page exists. */
  items: { sortKey: string | number | null; node: Row }[];
  totalCount: number | null;
  /** What the statement found for each material name its filters read (services/materialRef.ts checks them). */
  names: NameCheck[];
}

export class ListStore {
  /** The graph's relationship degrees for plan costs (empty until `refreshDegrees`: the cost then assumes 10 rows per list). */
  degrees: RelationDegrees = {};

  constructor(private readonly db: GraphDatabase) {}

  /** Reads the relationship degrees of the graph as it is now (at start, once the data is loaded). */
  async refreshDegrees(): Promise<RelationDegrees> {
    this.degrees = await readRelationDegrees(this.db);
    return this.degrees;
  }

  async run(plan: ListPlan): Promise<ListRows> {
    const compiled = compileList(plan);
    const [row] = await this.db.read({ name: compiled.name, text: compiled.text }, compiled.params);
    if (!row) throw new Error(`${plan.name} returned no row`);
    return {
      items: row.items as ListRows['items'],
      totalCount: typeof row.totalCount === 'number' ? row.totalCount : null,
      names: nameChecksOf(compiled.nameRefs, row.nameChecks),
    };
  }

  /** A grouped list (ListPlan.groups): the rows of each group key. */
  async runGrouped(plan: ListPlan): Promise<Map<string, ListRows>> {
    const compiled = compileList(plan);
    const rows = await this.db.read({ name: compiled.name, text: compiled.text }, compiled.params);
    return new Map(
      rows.map((row) => [
        row.grp as string,
        { items: row.items as ListRows['items'], totalCount: typeof row.totalCount === 'number' ? row.totalCount : null, names: nameChecksOf(compiled.nameRefs, row.nameChecks) },
      ]),
    );
  }
}

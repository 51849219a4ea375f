/**
 * Runs a compiled aggregate: one statement in one read transaction, named `measurements.statistics` /
 * `materials.statistics`, returning every group's key, count, statistics and bin counts.
 */
import type { GraphDatabase, Row } from '../database.js';
import { compileAggregate, type AggregatePlan } from './aggregate.js';
import { nameChecksOf, type NameCheck } from './compile.names.js';

export interface AggregateRows {
  /** Groups before the page was cut (all groups the filter yields). */
  totalGroups: number;
  /** The page of groups: `key` (the group keys in the plan's order), `count`, `value`, `log10Value`, `binCounts` ([bin, count] pairs), `binned`. */
  groups: Row[];
  /** What the statement found for each material name its filter reads (services/materialRef.ts checks them). */
  names: NameCheck[];
}

export class AggregateStore {
  constructor(private readonly db: GraphDatabase) {}

  async run(plan: AggregatePlan): Promise<AggregateRows> {
    const compiled = compileAggregate(plan);
    const [row] = await this.db.read({ name: compiled.name, text: compiled.text }, compiled.params);
    if (!row) throw new Error(`${plan.name} returned no row`);
    return { totalGroups: row.totalGroups as number, groups: row.groups as Row[], names: nameChecksOf(compiled.nameRefs, row.nameChecks) };
  }
}

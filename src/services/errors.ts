/**
 * Errors of the use cases, in the words a client needs: which argument or record field is wrong and why.
 * The API layer maps them to GraphQL error codes (src/api/errors.ts).
 */

/** An argument of a request is malformed or out of range. `argument` is its path, e.g. "where.formula". */
export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
  constructor(
    readonly argument: string,
    readonly problem: string,
  ) {
    super(`${argument}: ${problem}`);
  }
}

/** One problem of one input record: `file:record: field: problem`. */
export interface RecordProblem {
  file: string;
  /** Line number or record id that locates the record in its file. */
  record: string;
  field: string;
  problem: string;
}

export function formatProblem(p: RecordProblem): string {
  return `${p.file}:${p.record}: ${p.field}: ${p.problem}`;
}

/** Input records failed validation; nothing was written. `problems` lists every one found. */
export class InvalidRecordsError extends Error {
  override name = 'InvalidRecordsError';
  constructor(readonly problems: RecordProblem[]) {
    super(
      `${problems.length} invalid record field(s), nothing was written:\n` +
        problems.slice(0, 50).map((p) => `  ${formatProblem(p)}`).join('\n') +
        (problems.length > 50 ? `\n  ... and ${problems.length - 50} more` : ''),
    );
  }
}

/** A request's plan is estimated to cost more than the limit (QUERY_MAX_COST); nothing was run. */
export class QueryTooComplexError extends Error {
  override name = 'QueryTooComplexError';
  constructor(
    readonly cost: number,
    readonly limit: number,
  ) {
    super(
      `estimated cost ${Math.round(cost)} exceeds the limit of ${limit} (QUERY_MAX_COST); ask for smaller pages (first) or fewer nested lists and computed fields`,
    );
  }
}

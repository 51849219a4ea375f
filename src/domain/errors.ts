/**
 * Errors raised by the pure domain functions. They carry what is wrong in plain words; the service
 * layer adds which argument or record field the bad value came from.
 */
export class DomainError extends Error {
  override name = 'DomainError';
}

/**
 * A chemical formula that cannot be read as a composition.
 * `position` is the 0-based index in the formula text (after notation clean-up) where reading failed.
 */
export class InvalidFormulaError extends DomainError {
  override name = 'InvalidFormulaError';
  constructor(
    readonly formula: string,
    readonly problem: string,
    readonly position?: number,
  ) {
    super(`formula '${formula}': ${problem}`);
  }
}

/** A printed value (number, bound, range) or unit that cannot be read. */
export class InvalidValueError extends DomainError {
  override name = 'InvalidValueError';
  constructor(
    readonly text: string,
    readonly problem: string,
  ) {
    super(`'${text}': ${problem}`);
  }
}

/**
 * Errors raised by the pure domain functions. They carry what is wrong in plain words; the service
 * layer adds which argument or record field the bad value came from.
 */
/** Longest stretch of a client's input an error message repeats (characters). */
export const ECHO_LIMIT = 100;

/**
 * `text` as an error message may repeat it: at most `max` characters, longer text cut with '…' and the
 * number of characters left out, e.g. `LiLiLi…(+9,900 characters)`.
 */
export function excerpt(text: string, max = ECHO_LIMIT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…(+${(text.length - max).toLocaleString('en-US')} characters)`;
}

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
    super(`formula '${excerpt(formula)}': ${problem}`);
  }
}

/** A printed value (number, bound, range) or unit that cannot be read. */
export class InvalidValueError extends DomainError {
  override name = 'InvalidValueError';
  constructor(
    readonly text: string,
    readonly problem: string,
  ) {
    super(`'${excerpt(text)}': ${problem}`);
  }
}

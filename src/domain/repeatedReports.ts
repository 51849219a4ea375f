/**
 * One measurement reported twice: two datasets (or a review and a dataset) often copy the same value from the
 * same paper, e.g. OBELiX and the Liverpool Ionics Dataset both list Li7La3Zr2O12 at 5.11×10⁻⁴ S/cm from
 * doi:10.1002/anie.200701144, one at 298.15 K and one at 298.00 K. Counted twice, such a copy weighs double in a
 * fit or a median.
 *
 * Two reports are the same measurement when their values agree to SAME_VALUE_RELATIVE, their temperatures to
 * SAME_TEMPERATURE_K (or neither states one), they credit a common publication, and their variants are the same
 * or one of them names none. Of such reports the one kept is the more specific (a report naming its variant over
 * one that does not), then the first by id.
 */

/** Values agreeing to 1 part in a million: copies of one printed number (a different rounding is not merged). */
export const SAME_VALUE_RELATIVE = 1e-6;
/** Temperatures within 1 K: 25 °C written as 298.15 K by one source and 298 K by another. */
export const SAME_TEMPERATURE_K = 1;

export interface ReportIdentity {
  id: string;
  value: number | null;
  temperatureK: number | null;
  publicationKeys: readonly string[];
  variantId: string | null;
}

export interface Repeat<T> {
  report: T;
  /** The report kept in its place. */
  of: T;
}

/** Splits reports into those kept (in their given order) and the repeats of a kept one. */
export function withoutRepeats<T extends ReportIdentity>(reports: readonly T[]): { kept: T[]; repeats: Repeat<T>[] } {
  const preferred = [...reports].sort((a, b) => Number(a.variantId == null) - Number(b.variantId == null) || a.id.localeCompare(b.id));
  const taken: T[] = [];
  const repeats: Repeat<T>[] = [];
  for (const r of preferred) {
    const of = taken.find((t) => sameMeasurement(t, r));
    if (of) repeats.push({ report: r, of });
    else taken.push(r);
  }
  const keptIds = new Set(taken.map((t) => t.id));
  return { kept: reports.filter((r) => keptIds.has(r.id)), repeats };
}

export function sameMeasurement(a: ReportIdentity, b: ReportIdentity): boolean {
  if (a.value == null || b.value == null) return false;
  if (Math.abs(a.value - b.value) > SAME_VALUE_RELATIVE * Math.max(Math.abs(a.value), Math.abs(b.value))) return false;
  if ((a.temperatureK == null) !== (b.temperatureK == null)) return false;
  if (a.temperatureK != null && Math.abs(a.temperatureK - b.temperatureK!) > SAME_TEMPERATURE_K) return false;
  if (a.variantId != null && b.variantId != null && a.variantId !== b.variantId) return false;
  return a.publicationKeys.some((k) => b.publicationKeys.includes(k));
}

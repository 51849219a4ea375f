/**
 * The measurements of a material as reports that may repeat one another (domain/repeatedReports.ts): what the
 * consensus and the conductivity estimate both count once.
 */
import { SAME_TEMPERATURE_K, type ReportIdentity } from '../domain/repeatedReports.js';
import type { MeasurementRecord } from '../graph/records.js';

export { withoutRepeats } from '../domain/repeatedReports.js';

/** How a repeat is told apart, in the words of an excluded report's reason. */
export const REPEAT_RULE = `the same value from the same publication within ${SAME_TEMPERATURE_K} K`;

export function identified(m: MeasurementRecord): ReportIdentity & { record: MeasurementRecord } {
  return { id: m.id, value: m.value ?? null, temperatureK: m.temperatureK ?? null, publicationKeys: m.publicationKeys, variantId: m.variantId ?? null, record: m };
}

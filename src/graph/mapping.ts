/**
 * Turns values coming out of the driver into plain JavaScript: nodes and relationships become their
 * property objects, Neo4j Integers numbers, temporal values ISO strings, lists and maps recursively.
 * Nothing of neo4j-driver's types leaves src/graph.
 */
import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPath, isRelationship, isTime } from 'neo4j-driver';

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // the common cases first (strings, numbers, booleans, lists, Cypher maps): no driver type checks for them
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return mapValues(value as Record<string, unknown>);
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isNode(value) || isRelationship(value)) return toPlain((value as { properties: unknown }).properties);
  if (isPath(value)) throw new Error('paths are not mapped: return nodes and relationships explicitly');
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return String(value);
  }
  return mapValues(value as Record<string, unknown>);
}

function mapValues(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in value) if (Object.prototype.hasOwnProperty.call(value, k)) out[k] = toPlain(value[k]);
  return out;
}

/** Reads a field that must be a string. */
export function str(row: Record<string, unknown>, key: string): string {
  const v = row[key];
  if (typeof v !== 'string') throw new Error(`expected string '${key}', got ${typeof v}`);
  return v;
}

/** Reads a field that may be a string or null. */
export function optStr(row: Record<string, unknown>, key: string): string | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new Error(`expected string or null '${key}', got ${typeof v}`);
  return v;
}

/** Reads a field that may be a number or null. */
export function optNum(row: Record<string, unknown>, key: string): number | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number') throw new Error(`expected number or null '${key}', got ${typeof v}`);
  return v;
}

/** Reads a field that must be a number. */
export function num(row: Record<string, unknown>, key: string): number {
  const v = optNum(row, key);
  if (v === null) throw new Error(`expected number '${key}', got null`);
  return v;
}

/** Reads a field that must be a list of strings (null reads as empty). */
export function strList(row: Record<string, unknown>, key: string): string[] {
  const v = row[key];
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`expected string list '${key}'`);
  return v as string[];
}

/** Reads a field that must be a list of numbers (null reads as empty). */
export function numList(row: Record<string, unknown>, key: string): number[] {
  const v = row[key];
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw new Error(`expected number list '${key}'`);
  return v as number[];
}

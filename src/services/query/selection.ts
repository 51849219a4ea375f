/**
 * The selection of a GraphQL field as the planner reads it: what the API layer extracts from the resolve
 * info (field names, response keys, argument values with variables applied, fragments merged), with the
 * weight of the work a computed field starts. Plain data: the services never see graphql-js objects.
 */
export interface SelectedField {
  /** The schema field name. */
  name: string;
  /** The response key (the alias, else the name). */
  key: string;
  args: Record<string, unknown>;
  /** Points of the work this field starts on top of its own point (computed fields), 0 for others. */
  weight: number;
  /** Items the field is counted as returning: its page size, 10 for an unpaged list of objects, else 1. */
  rows: number;
  /** Sub-selections (fragments merged, across the possible types). */
  fields: SelectedField[];
  /** For a field of a union type: the sub-selections of each of its object types, by GraphQL type name. */
  byType?: Record<string, SelectedField[]>;
}

/** The sub-field named `name` (the first one when aliased several times), if selected. */
export function child(field: SelectedField | undefined, name: string): SelectedField | undefined {
  return field?.fields.find((f) => f.name === name);
}

/** Every sub-field named `name` (one per alias). */
export function children(field: SelectedField | undefined, name: string): SelectedField[] {
  return field?.fields.filter((f) => f.name === name) ?? [];
}

/** Points of a field resolved the old way (by a resolver and DataLoaders), as the request limits count it. */
export function resolverPoints(field: SelectedField): number {
  const own = 1 + field.weight;
  if (field.fields.length === 0) return own;
  return own + field.rows * field.fields.reduce((s, f) => s + resolverPoints(f), 0);
}

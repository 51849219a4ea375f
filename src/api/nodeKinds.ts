/**
 * The GraphQL types of the node kinds declared once in `domain/model/`: `@declaredType(KIND)` on a
 * type-graphql class makes it the object type of that name and description, with one `@Field` per property
 * that is not hidden (type, nullability, description, name; `@fieldsOf(KIND)` alone for an interface type),
 * so the object type cannot drift from the records and the projection that derive from the same declaration.
 * Enums are found by their GraphQL name (`ENUMS_BY_NAME`), object types by theirs (`objectTypes`, filled by
 * `declaredType`, read when the schema is built).
 */
import { NonNegativeIntResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { NodeKindSpec, OutputType, ScalarName } from '../domain/model/property.js';
import { ENUMS_BY_NAME } from './enums.js';

const SCALARS: Record<ScalarName, unknown> = { ID, String, Int, Float, Boolean, NonNegativeInt: NonNegativeIntResolver };

/** Object types a property may name (`{ object: 'Quantity' }`), registered by `declaredType`. */
const objectTypes = new Map<string, Function>();

function graphqlType(output: OutputType, where: string): unknown {
  if ('scalar' in output) return SCALARS[output.scalar];
  const found = 'enum' in output ? ENUMS_BY_NAME.get(output.enum) : objectTypes.get(output.object);
  if (!found) throw new Error(`${where}: no GraphQL type registered as ${JSON.stringify(output)}`);
  return found;
}

/** Declares the GraphQL fields of `kind` on the decorated class (its hidden properties stay record-only). */
export function fieldsOf(kind: NodeKindSpec): ClassDecorator {
  return (target) => {
    for (const [key, p] of Object.entries(kind.properties)) {
      if (p.internal) continue;
      const where = `${kind.name}.${key}`;
      // resolved when the schema is built, so that object types may be declared after this kind
      const type = () => (p.list ? [graphqlType(p.output, where)] : graphqlType(p.output, where));
      // simple: graphql's default resolver reads the property of the field's name (no per-field middleware wrapper:
      // thousands of fields per page); a renamed field keeps type-graphql's, which reads the record's key
      const options = p.graphqlName ? { name: p.graphqlName } : { simple: true };
      Field(type as () => unknown as never, { nullable: p.nullable, description: p.description, ...options })(
        target.prototype,
        key,
      );
    }
  };
}

/**
 * The GraphQL object type of `kind`: named and described by the declaration, its fields declared by
 * `fieldsOf`, and registered for the declarations that name it (`{ object: 'Quantity' }`).
 */
export function declaredType(kind: NodeKindSpec, options: { implements?: Function } = {}): ClassDecorator {
  return (target) => {
    fieldsOf(kind)(target);
    objectTypes.set(kind.name, target);
    ObjectType(kind.name, { description: kind.description, ...options })(target);
  };
}

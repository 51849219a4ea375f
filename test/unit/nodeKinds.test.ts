/**
 * Each node kind is declared once (src/domain/model/*.kind.ts); these tests check that what derives from
 * a declaration agrees with it: the GraphQL type has every field it declares, with its type, list-ness and
 * nullability; a writer cannot set a property it does not declare; the projection reads each field from
 * the property the writer sets.
 */
import { describe, expect, it } from 'vitest';
import { getNamedType, isInterfaceType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { buildInterphaseSchema } from '../../src/api/schema.js';
import { Prop, storedName, type NodeKindSpec } from '../../src/domain/model/property.js';
import { projectionOf, quantityMap, somePropsOf, storedNamesOf, storedProps } from '../../src/graph/nodeKinds.js';
import { COATING_APPLICATION } from '../../src/domain/model/coating.kind.js';
import { QUANTITY_PARTS, QUANTITY_PROPERTIES } from '../../src/domain/model/quantity.kind.js';
import { BY_POSITION } from '../../src/graph/query/compile.js';
import { DECLARATION, fieldExpression, isCompiledField } from '../../src/graph/query/projection.js';
import type { NodeKind } from '../../src/graph/query/plan.js';
import { declaredKinds } from '../support/declaredKinds.js';

function expectedTypeName(p: Prop<unknown>): string {
  return 'scalar' in p.output ? p.output.scalar : 'enum' in p.output ? p.output.enum : p.output.object;
}

function shape(t: GraphQLOutputType): { nullable: boolean; list: boolean; name: string } {
  const nullable = !isNonNullType(t);
  const inner = isNonNullType(t) ? t.ofType : t;
  return { nullable, list: isListType(inner), name: getNamedType(t).name };
}

describe('node kinds declared once', () => {
  it('finds the declarations (Interface, Fact, Source, Quantity at least)', async () => {
    const names = (await declaredKinds()).map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(['Interface', 'Fact', 'Source', 'Quantity']));
  });

  it('every declared field is in the GraphQL type with its type, list-ness and nullability; hidden ones are not', async () => {
    const schema = await buildInterphaseSchema();
    const problems: string[] = [];
    for (const kind of await declaredKinds()) {
      const type = schema.getType(kind.name);
      if (!kind.graphql) {
        // read by the graph layer only (a relationship's position, a name's lookup key): no type, every property hidden
        if (type) problems.push(`${kind.name}: declared without a GraphQL type, but the schema has one`);
        for (const [key, p] of Object.entries(kind.properties)) if (!p.internal) problems.push(`${kind.name}.${key}: not hidden`);
        continue;
      }
      if (!type || !(isObjectType(type) || isInterfaceType(type))) {
        problems.push(`${kind.name}: no object type of that name`);
        continue;
      }
      const fields = type.getFields();
      for (const [key, p] of Object.entries(kind.properties)) {
        const name = p.graphqlName ?? key;
        const field = fields[name];
        if (p.internal) {
          if (field) problems.push(`${kind.name}.${name}: hidden but in the schema`);
          continue;
        }
        if (!field) {
          problems.push(`${kind.name}.${name}: missing`);
          continue;
        }
        const got = shape(field.type);
        const want = { nullable: p.nullable, list: p.list, name: expectedTypeName(p) };
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${kind.name}.${name}: ${JSON.stringify(got)} ≠ declared ${JSON.stringify(want)}`);
        if (field.description !== p.description) problems.push(`${kind.name}.${name}: description differs from the declaration`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a writer sets exactly the stored properties, under their stored names, and nothing undeclared', async () => {
    for (const kind of await declaredKinds()) {
      const values: Record<string, unknown> = {};
      const expected = new Set<string>();
      for (const [key, p] of Object.entries(kind.properties)) {
        if (p.storage.kind === 'derived') continue;
        if (p.storage.kind === 'property') {
          values[key] = p.list ? [] : null;
          expected.add(storedName(key, p));
        } else if (p.storage.kind === 'columns') {
          values[key] = [];
          for (const c of p.storage.columns) expected.add(c.name);
        } else {
          values[key] = { qualifier: 'EQUAL', value: 1, min: null, max: null, unit: 'V', printedValue: '1', printedUnit: 'V', unitAsMeant: null, uncertainty: null, approximate: false };
          const prefix = p.storage.prefix;
          expected.add(`${prefix}PrintedValue`);
        }
      }
      const written = storedProps(kind, values as never);
      for (const name of expected) expect(Object.keys(written), `${kind.name} writes ${name}`).toContain(name);
      expect(() => storedProps(kind, { ...values, notDeclared: 1 } as never), kind.name).toThrow(/notDeclared is not a stored property/);
    }
  });

  it("the projection reads each stored field from the property the writer sets (default where declared), and a derived one only from the graph layer's expression", async () => {
    for (const kind of await declaredKinds()) {
      const derived = Object.fromEntries(
        Object.entries(kind.properties)
          .filter(([, p]) => p.storage.kind === 'derived')
          .map(([key]) => [key, (v: string) => `derived_${key}(${v})`]),
      );
      const projection = projectionOf(kind, derived as never);
      for (const [key, p] of Object.entries(kind.properties)) {
        const text = projection[p.graphqlName ?? key]!('n');
        if (p.storage.kind === 'derived') expect(text).toBe(`derived_${key}(n)`);
        else if (p.storage.kind === 'quantity') expect(text).toContain(`n.${p.storage.prefix}PrintedValue IS NULL`);
        else if (p.storage.kind === 'columns') for (const c of p.storage.columns) expect(text, `${kind.name}.${key}`).toContain(`n.${c.name}[i]`);
        else if (p.storage.fallback === null) expect(text, `${kind.name}.${key}`).toBe(`n.${storedName(key, p)}`);
        else expect(text, `${kind.name}.${key}`).toMatch(new RegExp(`^coalesce\\(n\\.${storedName(key, p)}, `));
      }
    }
  });

  it("the compiler's tables in use read every stored field from the property its declaration names (the relationship's, for a kind stored on one)", () => {
    const problems: string[] = [];
    for (const [kind, spec] of Object.entries(DECLARATION) as [NodeKind, NodeKindSpec | null][]) {
      if (!spec) continue;
      // a kind stored on a relationship (Citation on CITES, CellComponent on HAS_COMPONENT...) is read through it
      const v = spec.relationship ? 'rn' : 'n';
      for (const [key, p] of Object.entries(spec.properties)) {
        if (p.storage.kind === 'derived') continue;
        const field = p.graphqlName ?? key;
        if (!isCompiledField(kind, field)) {
          problems.push(`${kind}.${field}: not in the compiler's table`);
          continue;
        }
        const text = fieldExpression(kind, field, 'n');
        const stored = p.storage.kind === 'quantity' ? null : storedName(key, p);
        const ok =
          p.storage.kind === 'quantity'
            ? text.startsWith(`CASE WHEN n.${p.storage.prefix}PrintedValue IS NULL`)
            : p.storage.kind === 'columns'
              ? p.storage.columns.every((c) => text.includes(`${v}.${c.name}`))
              : p.storage.fallback === null
                ? text === `${v}.${stored}`
                : text.startsWith(`coalesce(${v}.${stored}, `);
        if (!ok) problems.push(`${kind}.${field}: reads ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the compiler's lists in the source's order follow a declared relationship and order by what it declares (its position, a citation's number)", async () => {
    const byType = new Map((await declaredKinds()).filter((k) => k.relationship).map((k) => [k.relationship!, k]));
    const problems: string[] = [];
    for (const [relation, inOrder] of Object.entries(BY_POSITION)) {
      const type = /\[r:(\w+)\]/.exec(inOrder.pattern('a', 'b', 'r'))?.[1];
      const kind = type ? byType.get(type) : undefined;
      if (!kind) {
        problems.push(`${relation}: ${inOrder.pattern('a', 'b', 'r')} binds no declared relationship as r`);
        continue;
      }
      const read = [...inOrder.order('b', 'r').matchAll(/\br\.(\w+)/g)].map((m) => m[1]!);
      const declared = storedNamesOf(kind);
      if (read.length === 0) problems.push(`${relation}: ordered by nothing of ${type}`);
      for (const name of read) if (!declared.has(name)) problems.push(`${relation}: ordered by ${type}.${name}, which ${kind.name} does not declare`);
      if ('position' in kind.properties && !read.includes('position')) problems.push(`${relation}: not ordered by the position ${kind.name} declares`);
    }
    expect(problems).toEqual([]);
  });

  it('a value stored flat under a prefix is one property per field of Quantity, read back with the default each field declares', () => {
    const text = quantityMap('n', 'thickness');
    // a coating's thickness is a Quantity stored flat under 'thickness' (domain/model/coating.kind.ts)
    const written = Object.keys(
      somePropsOf(COATING_APPLICATION, {
        thickness: { qualifier: 'EQUAL', value: 1, min: null, max: null, unit: 'nm', printedValue: '1', printedUnit: 'nm', unitAsMeant: null, uncertainty: null, approximate: true },
      }),
    );
    for (const part of QUANTITY_PARTS) {
      const name = `thickness${part[0]!.toUpperCase()}${part.slice(1)}`;
      expect(written, part).toContain(name);
      const fallback = (QUANTITY_PROPERTIES[part].storage as { fallback: unknown }).fallback;
      expect(text, part).toContain(fallback === null ? `${part}: n.${name}` : `${part}: coalesce(n.${name}, `);
    }
  });
});

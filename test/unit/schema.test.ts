import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEnumType, isInputObjectType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { buildInterphaseSchema, printInterphaseSchema } from '../../src/api/schema.js';
import { projectPath } from '../../src/server/paths.js';

describe('schema/schema.graphql', () => {
  it('is exactly the schema the code builds (run `npm run schema:emit` after changing types)', async () => {
    const committed = readFileSync(projectPath('schema', 'schema.graphql'), 'utf8');
    expect(await printInterphaseSchema()).toBe(committed);
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await buildInterphaseSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description && type !== schema.getQueryType() && type !== schema.getMutationType() && type !== schema.getSubscriptionType()) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('gives the unit in the description of every numeric measurement field', async () => {
    const schema = await buildInterphaseSchema();
    const measurement = schema.getType('Measurement');
    if (!isObjectType(measurement)) throw new Error('no Measurement type');
    for (const name of ['value', 'min', 'max', 'temperatureK', 'log10Value']) {
      expect(measurement.getFields()[name]!.description, name).toMatch(/S\/cm|`unit`| K\b/);
    }
  });

  it('names the unit of every computed energy and potential in its description', async () => {
    const schema = await buildInterphaseSchema();
    const units: [RegExp, RegExp][] = [
      [/EvPerAtom$/, /eV\/atom|eV per atom/],
      [/EvPerFormulaUnit$/, /\beV\b/],
      [/KjPerMol$/, /kJ\/mol/],
      [/[a-z]Ev$/, /\beV\b/],
      [/(LimitV|^fromV|^toV|^voltageV)$/, /\bV\b/],
    ];
    const checked: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        for (const [name, unit] of units) {
          if (!name.test(field.name)) continue;
          checked.push(`${type.name}.${field.name}`);
          expect(field.description, `${type.name}.${field.name}`).toMatch(unit);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(15);
  });
});

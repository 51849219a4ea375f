/** Writes schema/schema.graphql from the type-graphql classes: npm run schema:emit */
import { writeFile } from 'node:fs/promises';
import { printInterphaseSchema } from '../../api/schema.js';
import { projectPath } from '../paths.js';

const file = projectPath('schema', 'schema.graphql');
await writeFile(file, await printInterphaseSchema());
console.log(`wrote ${file}`);

/**
 * Applies the constraint and index files of `schema/neo4j/` (in file-name order) and waits until the
 * indexes are online. Every statement is `IF NOT EXISTS`, so this runs on every start.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cypher, type GraphDatabase } from './database.js';

/** Splits a .cypher file into statements: `//` comment lines dropped, statements end with ';'. */
export function splitCypherStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface AppliedSchema {
  files: string[];
  statements: number;
}

export async function applySchema(db: GraphDatabase, schemaDir: string): Promise<AppliedSchema> {
  const files = (await readdir(schemaDir)).filter((f) => f.endsWith('.cypher')).sort();
  let statements = 0;
  for (const file of files) {
    const text = await readFile(path.join(schemaDir, file), 'utf8');
    const parts = splitCypherStatements(text);
    for (const [i, statement] of parts.entries()) {
      await db.runSchemaStatement(cypher(`schema.${file}#${i + 1}`, statement));
      statements++;
    }
  }
  await db.runSchemaStatement(AWAIT_INDEXES);
  return { files, statements };
}

const AWAIT_INDEXES = cypher('schema.awaitIndexes', 'CALL db.awaitIndexes(120)');

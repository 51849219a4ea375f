/** Every kind declared in src/domain/model/*.kind.ts (node kinds, and kinds stored on relationships). */
import { readdirSync } from 'node:fs';
import { Prop, type NodeKindSpec } from '../../src/domain/model/property.js';
import { projectPath } from '../../src/server/paths.js';

export async function declaredKinds(): Promise<NodeKindSpec[]> {
  const dir = projectPath('src', 'domain', 'model');
  const kinds: NodeKindSpec[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.kind.ts'))) {
    const mod = (await import(`${dir}/${file}`)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const k = value as Partial<NodeKindSpec>;
      if (k && typeof k === 'object' && typeof k.name === 'string' && k.properties && Object.values(k.properties).every((p) => p instanceof Prop)) {
        kinds.push(k as NodeKindSpec);
      }
    }
  }
  return kinds;
}

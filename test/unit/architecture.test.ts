import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/server/paths.js';

// The layering of ARCHITECTURE.md, checked on the source text:
// HTTP → api (resolvers) → services → graph (Cypher) / domain; nothing flows back up.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const src = projectPath('src');
const sources = files(src).map((file) => ({ file: path.relative(src, file), text: readFileSync(file, 'utf8') }));
const imports = (text: string) => [...text.matchAll(/^import[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
const layer = (file: string) => file.split(path.sep)[0]!;

describe('architecture', () => {
  it('src/domain is pure: no graphql, no neo4j-driver, no I/O, no process.env', () => {
    for (const { file, text } of sources.filter((s) => layer(s.file) === 'domain')) {
      const bad = imports(text).filter((i) => /^(graphql|type-graphql|neo4j-driver|node:fs|node:net|node:http|express|@apollo)/.test(i) || /\.\.\/(graph|services|api|server)\//.test(i));
      expect(bad, file).toEqual([]);
      expect(text.includes('process.env'), file).toBe(false);
    }
  });

  it('only src/graph imports neo4j-driver', () => {
    const offenders = sources.filter((s) => layer(s.file) !== 'graph' && imports(s.text).some((i) => i.startsWith('neo4j-driver'))).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('Cypher lives in src/graph only', () => {
    const cypherLike = /\b(MATCH|MERGE|UNWIND)\s*\(|\bDETACH DELETE\b/;
    const offenders = sources.filter((s) => layer(s.file) !== 'graph' && cypherLike.test(s.text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('every Cypher constant is named: cypher("<name>", ...)', () => {
    for (const { file, text } of sources.filter((s) => layer(s.file) === 'graph')) {
      for (const m of text.matchAll(/cypher\(\s*'([^']*)'/g)) expect(m[1], file).toMatch(/^[a-z][\w.#-]+$/i);
    }
  });

  it('layers import only downwards: domain ← graph ← services ← api ← server', () => {
    const allowed: Record<string, string[]> = {
      domain: ['domain'],
      graph: ['graph', 'domain'],
      services: ['services', 'graph', 'domain'],
      api: ['api', 'services', 'graph', 'domain'],
      server: ['server', 'api', 'services', 'graph', 'domain'],
    };
    for (const { file, text } of sources) {
      const from = layer(file);
      for (const i of imports(text).filter((x) => x.startsWith('.'))) {
        const target = path.relative(src, path.resolve(src, path.dirname(file), i)).split(path.sep)[0]!;
        expect(allowed[from], `${file} imports ${i}`).toContain(target);
      }
    }
  });

  it('has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const { file, text } of sources) {
      const deps = imports(text)
        .filter((i) => i.startsWith('.'))
        .map((i) => path.relative(src, path.resolve(src, path.dirname(file), i)).replace(/\.js$/, '.ts'));
      graph.set(file, deps);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const d of graph.get(f) ?? []) visit(d, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('api resolvers reach the graph only through services (they may name its record types)', () => {
    const valueImports = (text: string) => [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
    const offenders = sources
      .filter((s) => layer(s.file) === 'api' && s.file.endsWith('.resolver.ts'))
      .filter((s) => valueImports(s.text).some((i) => i.includes('/graph/')))
      .map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('only src/server/config.ts reads process.env', () => {
    const offenders = sources.filter((s) => s.file !== path.join('server', 'config.ts') && /process\.env\b(?!\s*[,}])/.test(s.text.replace(/\.\.\.process\.env/g, ''))).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('no absolute path of a machine is written in the sources', () => {
    for (const { file, text } of sources) expect(text, file).not.toMatch(/['"`]\/(work|home|root|Users|tmp)\//);
  });

  it('src/ loads only production dependencies at run time (the image installs with npm ci --omit=dev)', () => {
    const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    // value imports, side-effect imports, re-exports and dynamic imports; `import type` is erased by tsc
    const runtime = (text: string) => [
      ...[...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!),
      ...[...text.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]!),
      ...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!),
    ];
    const offenders = sources.flatMap(({ file, text }) =>
      runtime(text)
        .filter((i) => !i.startsWith('.') && !i.startsWith('node:'))
        .filter((i) => !(packageOf(i) in pkg.dependencies))
        .map((i) => `${file} imports ${i}`),
    );
    expect(offenders).toEqual([]);
    // the check sees the imports: the server's own dependencies are among them
    expect(sources.flatMap(({ text }) => runtime(text)).map(packageOf)).toEqual(expect.arrayContaining(['yaml', 'express', 'neo4j-driver', 'express-rate-limit']));
  });
});

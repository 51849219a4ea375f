/**
 * Builds the dashboard's static assets into dashboard/dist/ with esbuild: one ES module bundle
 * (app.js: the page's TypeScript, Apache ECharts and the graphql-ws client) beside index.html and
 * style.css, copied as they are. `npm run build:dashboard`; `npm start` and `npm test` run it first.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Writes dashboard/dist/{index.html,style.css,app.js}; returns the folder. */
export async function buildDashboard(): Promise<string> {
  const out = path.join(here, 'dist');
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [path.join(here, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    outfile: path.join(out, 'app.js'),
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) copyFileSync(path.join(here, file), path.join(out, file));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildDashboard();
  console.log(`dashboard built into ${path.relative(process.cwd(), out) || '.'}`);
}

// Writes web/dist/: the page's JavaScript as a few minified ES modules (esbuild), which index.html
// and lab.html load instead of the ~75 modules of web/js. On a cold visit that is ~20 requests
// instead of ~75 and about a third of the bytes of the sources; the sources stay what the node
// tests import. Run by build-wasm.sh (`./build-wasm.sh bundle` alone takes a second or two).
//
// The entry points are the pages' and the worker's scripts; everything else is found from their
// imports, so a new module is bundled as soon as something imports it. The pages' dynamic imports
// (the Korean tables, the sandbox's and the lab's) become chunks of their own, loaded when needed.
// Entries keep their plain names (the pages and worker-bridge.js's `new URL('./worker.js', …)`
// name them); shared chunks are named after a module of theirs plus a content hash. Every output
// file sits directly in web/dist/, one folder below the site's root like web/js/, so the URLs
// web/js/site-url.js computes are the same bundled or not. The vendored libraries (KaTeX,
// uPlot) are not bundled: their modules are imported by URL, when first needed.
// Usage: node tools/bundle.mjs [WEB_DIR]
import path from 'node:path';
import fs from 'node:fs';
import { build } from 'esbuild';

const WEB = path.resolve(process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'web'));
export const BUNDLE_DIR = 'dist';
// The pages' scripts share chunks. The worker is one file of its own, its handler modules inlined
// (no splitting): split, a cold worker fetched worker.js, then its three chunks, then its handlers
// and their chunk, three round trips before it could load the engine. Inlined, the sandbox's worker
// carries the lab's handlers too (1.6 KB gzip).
export const PAGE_ENTRY_POINTS = ['js/main.js', 'js/sandbox-worker.js', 'js/lab/lab-main.js'];
export const WORKER_ENTRY_POINT = 'js/worker.js';
export const ENTRY_POINTS = [...PAGE_ENTRY_POINTS, WORKER_ENTRY_POINT];

// -> { files: [relative output paths], ms }
export async function bundle(web = WEB) {
  const started = performance.now();
  const outdir = path.join(web, BUNDLE_DIR);
  fs.rmSync(outdir, { recursive: true, force: true });  // no stale chunk of an earlier build stays
  const results = await Promise.all([
    buildModules(web, outdir, PAGE_ENTRY_POINTS, true),
    buildModules(web, outdir, [WORKER_ENTRY_POINT], false),
  ]);
  const files = results.flatMap((result) => Object.keys(result.metafile.outputs))
    .map((file) => path.relative(web, path.resolve(file))).sort();
  return { files, ms: performance.now() - started };
}

function buildModules(web, outdir, entries, splitting) {
  return build({
    entryPoints: entries.map((entry) => path.join(web, entry)),
    bundle: true,
    splitting,
    format: 'esm',
    minify: true,
    sourcemap: 'linked',
    outdir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    // engine.js imports node's modules only when it runs in node (the tests).
    external: ['node:*'],
    platform: 'browser',
    metafile: true,
    charset: 'utf8',  // the Korean table as UTF-8, not \u escapes (a quarter larger)
    logLevel: 'warning',
  });
}

// True when web/dist/ is missing or older than a file of web/js/ (then the pages would run old code).
export function bundleIsStale(web = WEB) {
  const newest = (dir) => fs.readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const file = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs);
  }, 0);
  const stamp = path.join(web, BUNDLE_DIR, 'main.js');
  return !fs.existsSync(stamp) || newest(path.join(web, 'js')) > fs.statSync(stamp).mtimeMs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, ms } = await bundle();
  const scripts = files.filter((file) => file.endsWith('.js'));
  console.log(`${BUNDLE_DIR}/: ${scripts.length} modules (+ source maps) in ${Math.round(ms)} ms`);
}

// Writes web/js/catalog.generated.js: the engine's catalogue (engine.catalog(), the registries of
// src/core/*_registry.h) as an ES module, at build time, from the baseline wasm build just made.
//
// Why a file written at build time rather than asking the worker: the page needs the catalogue
// synchronously and before anything else. state/settings.js builds its rows (selects, ranges,
// defaults) when it is imported, and the URL hash is validated against those rows at load, before
// the engine has been fetched, compiled and started in its worker (about a second on a cold
// visit). Waiting for the worker's ready message would delay the first paint and the hash check
// by that second; a few kilobytes of module in the page's own import graph delay nothing. The copy
// cannot drift from the engine: ./build-wasm.sh writes it right after each wasm build, and
// tests/wasm/catalog.test.mjs checks that it equals engine.catalog() of both builds.
// Usage: node tools/make-catalog.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'web/js/catalog.generated.js');

const { loadEngine } = await import(path.join(ROOT, 'web/js/engine.js'));
const wasmBinary = fs.readFileSync(path.join(ROOT, 'web/wasm/nnsandbox-baseline.wasm'));
const engine = await loadEngine({ flavor: 'baseline', wasmBinary });
const catalog = engine.catalog();

fs.writeFileSync(OUT, '// Written by tools/make-catalog.mjs from engine.catalog() at build time: do not edit, not in git.\n'
  + `export const CATALOG = ${JSON.stringify(catalog, null, 1)};\n`);
console.log(`web/js/catalog.generated.js: ${Object.entries(catalog).map(([k, v]) => `${v.length} ${k}`).join(', ')}`);

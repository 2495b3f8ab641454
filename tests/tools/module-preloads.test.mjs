// index.html preloads every module its scripts import statically (tools/module-preloads.mjs), so the
// browser requests main.js's whole graph while it reads the <head> instead of one level of imports
// per round trip. The list is checked here, not written by the build: `node tools/module-preloads.mjs`
// rewrites it after an import is added or removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { moduleGraph, moduleScripts, preloadState, staticImports, withPreloads } from '../../tools/module-preloads.mjs';

test('index.html preloads exactly the modules its scripts import (run node tools/module-preloads.mjs)', () => {
  const { current, expected } = preloadState();
  assert.equal(current, expected);
  assert.deepEqual(moduleScripts(current), ['js/sandbox-worker.js', 'js/main.js']);
  const preloaded = [...current.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
  for (const module of ['js/worker-bridge.js', 'js/run-controller.js', 'js/i18n/en.js', 'js/charts/log-ticks.js']) {
    assert.ok(preloaded.includes(module), module);
  }
  // Fetched later or by the worker, never as the page's static imports.
  for (const module of ['js/i18n/ko.js', 'js/main.js', 'js/worker.js', 'js/engine.js']) assert.ok(!preloaded.includes(module), module);
});

test('static imports: every form the page uses, and nothing else', () => {
  const source = `import { a } from './a.js';
import {
  b,
  c,
} from '../b.js';
import './side-effect.js';
import d, * as e from "./double-quotes.js";
export { f } from './f.js';
export * from './g.js';
// import { h } from './comment.js';
const later = () => import('./dynamic.js');
const text = "import x from './in-a-string.js'";
export const i = 1;`;
  assert.deepEqual(staticImports(source), ['./a.js', '../b.js', './side-effect.js', './double-quotes.js', './f.js', './g.js']);
});

test('the graph: transitive, each module once, entry by entry, entries and dynamic imports left out', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-preloads-'));
  try {
    const files = {
      'js/main.js': "import { a } from './a.js';\nimport { b } from './views/b.js';\nimport('./lazy.js');",
      'js/start.js': "import { a } from './a.js';",
      'js/a.js': "import { c } from './c.js';\nexport const a = 1;",
      'js/views/b.js': "import { a } from '../a.js';\nimport { main } from '../main.js';\nexport const b = 2;",
      'js/c.js': 'export const c = 3;',
      'js/lazy.js': 'export const lazy = 4;',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    assert.deepEqual(moduleGraph(['js/start.js', 'js/main.js'], dir), ['js/a.js', 'js/c.js', 'js/views/b.js']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the block is rewritten in place, indented like its first line', () => {
  const begin = "<!-- modulepreload: every module the page's scripts import (tools/module-preloads.mjs writes this list) -->";
  const html = `<head>\n  ${begin}\n  <link rel="modulepreload" href="js/old.js">\n  <!-- end of modulepreload -->\n</head>`;
  assert.equal(withPreloads(html, ['js/a.js', 'js/b.js']),
    `<head>\n  ${begin}\n  <link rel="modulepreload" href="js/a.js">\n  <link rel="modulepreload" href="js/b.js">\n  <!-- end of modulepreload -->\n</head>`);
  assert.throws(() => withPreloads('<head></head>', []), /no/);
});

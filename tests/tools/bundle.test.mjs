// The pages' bundle (tools/bundle.mjs) and the rule that keeps its URLs right: bundled modules all
// sit directly in web/dist/, one folder below the site's root as web/js/ is, and only
// web/js/site-url.js computes a site file's address from its own; a module that resolved
// '../../vendor/…' against itself would be right unbundled and wrong bundled.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, bundleIsStale, BUNDLE_DIR, ENTRY_POINTS } from '../../tools/bundle.mjs';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');

function sources(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => entry.isDirectory()
    ? sources(path.join(dir, entry.name), `${prefix}${entry.name}/`)
    : entry.name.endsWith('.js') ? [`${prefix}${entry.name}`] : []);
}

test('only site-url.js resolves against its own address (and the two that start the bundled worker beside them)', () => {
  const js = path.join(WEB, 'js');
  const users = sources(js).filter((file) => /import\.meta\.url/.test(fs.readFileSync(path.join(js, file), 'utf8')));
  assert.deepEqual(users.sort(), ['sandbox-worker.js', 'site-url.js', 'worker-bridge.js']);
  const deep = sources(js).filter((file) => file !== 'site-url.js' && /['"`](\.\.\/)+(vendor|wasm|data)\//.test(fs.readFileSync(path.join(js, file), 'utf8')));
  assert.deepEqual(deep, [], 'a site file named relative to a module: use siteUrl()');
});

test('the bundle: entries under their own names, every chunk directly in dist/, the lazy parts apart', async () => {
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-bundle-'));
  try {
    fs.cpSync(path.join(WEB, 'js'), path.join(web, 'js'), { recursive: true });
    if (!fs.existsSync(path.join(web, 'js/catalog.generated.js'))) {
      fs.writeFileSync(path.join(web, 'js/catalog.generated.js'), 'export default {};\n');  // a build output
    }
    assert.equal(bundleIsStale(web), true);
    const { files } = await bundle(web);
    assert.equal(bundleIsStale(web), false);
    for (const entry of ENTRY_POINTS) assert.ok(files.includes(`${BUNDLE_DIR}/${path.basename(entry)}`), entry);
    for (const file of files) assert.equal(path.dirname(file), BUNDLE_DIR, file);
    const scripts = files.filter((file) => file.endsWith('.js'));
    for (const file of scripts) assert.ok(files.includes(`${file}.map`), `${file} has its source map`);
    // Loaded on use, not with the page: the Korean tables.
    for (const lazy of ['ko', 'lab-ko']) {
      assert.ok(scripts.some((file) => new RegExp(`^${BUNDLE_DIR}/${lazy}-\\w+\\.js$`).test(file)), lazy);
    }
    // The worker is one file: it imports no chunk, and its handlers are in it.
    const worker = fs.readFileSync(path.join(web, BUNDLE_DIR, 'worker.js'), 'utf8');
    assert.ok(!/\bfrom\s*"\.\/|\bimport\s*\(\s*"\.\//.test(worker), 'worker.js imports a chunk');
    assert.ok(!scripts.some((file) => /run-handlers|batch-jobs/.test(file)), 'the handlers have chunks of their own');
    // The sandbox's worker starts before main.js's chunks arrive: its starter imports nothing.
    const starter = fs.readFileSync(path.join(web, BUNDLE_DIR, 'sandbox-worker.js'), 'utf8');
    assert.ok(!/\bimport\s*[{"*(]|\bfrom\s*"/.test(starter), `sandbox-worker.js imports: ${starter}`);
    assert.ok(starter.includes('new Worker('));
    const main = fs.readFileSync(path.join(web, BUNDLE_DIR, 'main.js'), 'utf8');
    assert.ok(!/from\s*"\.\/ko-/.test(main), 'main.js imports the Korean table statically');
    // The vendored libraries are not bundled: imported by URL when first needed.
    const all = scripts.map((file) => fs.readFileSync(path.join(web, file), 'utf8')).join('\n');
    assert.ok(!/katex\.render\s*=|uPlot\.prototype/.test(all));
    assert.ok(all.includes('vendor/katex/katex.mjs') && all.includes('vendor/uplot/uPlot.esm.js'));
  } finally {
    fs.rmSync(web, { recursive: true, force: true });
  }
});

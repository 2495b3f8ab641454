// The <link rel="modulepreload"> block of web/index.html: every module that the page's module
// scripts import statically, directly or through others. A browser finds a module's imports only
// once the module has arrived, so without the list main.js's ~45 modules come in 4-5 waves, one
// round trip each; with it they are all requested while the <head> is read. Dynamic imports
// (KaTeX, uPlot, the Korean table) stay out: they are not needed before the first training step.
// tests/tools/module-preloads.test.mjs fails when the block is out of date; this rewrites it.
// Usage: node tools/module-preloads.mjs [WEB_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web');
const PAGE = 'index.html';
const BEGIN = '<!-- modulepreload: every module the page\'s scripts import (tools/module-preloads.mjs writes this list) -->';
const END = '<!-- end of modulepreload -->';

// The specifiers of a module's static imports and re-exports (`import x from '...'`,
// `import '...'`, `export { x } from '...'`); `import('...')` is not one of them.
export function staticImports(source) {
  const pattern = /^[ \t]*(?:import|export)\b(?:[^;'"]*?\bfrom)?\s*(['"])([^'"]+)\1/gm;
  return [...source.matchAll(pattern)].map((match) => match[2]);
}

// The modules `entries` reach by static imports, as paths relative to `web`, entries excluded: the
// first entry's graph first (breadth first), then what the next one adds, and so on. Listed in
// this order, sandbox-worker.js's two modules come first and the worker starts sooner.
export function moduleGraph(entries, web = WEB) {
  const seen = new Set(entries);
  const found = [];
  for (const entry of entries) {
    const queue = [entry];
    while (queue.length) {
      const file = queue.shift();
      // A generated module (catalog.generated.js) is missing before the first build; it imports nothing.
      if (!fs.existsSync(path.join(web, file))) continue;
      for (const specifier of staticImports(fs.readFileSync(path.join(web, file), 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        if (seen.has(target)) continue;
        seen.add(target);
        found.push(target);
        queue.push(target);
      }
    }
  }
  return found;
}

// The page's module scripts, in document order: 'js/sandbox-worker.js', 'js/main.js'.
export function moduleScripts(html) {
  return [...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
}

// The page's HTML with its block listing `modules`, indented like the BEGIN line.
export function withPreloads(html, modules) {
  const start = html.indexOf(BEGIN);
  const end = html.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${PAGE} has no "${BEGIN}" ... "${END}" block`);
  const indent = html.slice(html.lastIndexOf('\n', start) + 1, start);
  const links = modules.map((module) => `${indent}<link rel="modulepreload" href="${module}">\n`).join('');
  return `${html.slice(0, start)}${BEGIN}\n${links}${indent}${html.slice(end)}`;
}

// { current, expected } texts of the page, the second with an up-to-date block.
export function preloadState(web = WEB) {
  const current = fs.readFileSync(path.join(web, PAGE), 'utf8');
  return { current, expected: withPreloads(current, moduleGraph(moduleScripts(current), web)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const web = path.resolve(process.argv[2] ?? WEB);
  const { current, expected } = preloadState(web);
  if (current !== expected) fs.writeFileSync(path.join(web, PAGE), expected);
  console.log(`${PAGE}: ${moduleGraph(moduleScripts(expected), web).length} modules preloaded${current === expected ? ' (unchanged)' : ' (rewritten)'}`);
}

// The include graph of the C++ sources (src/): which file includes which, which folder depends on
// which, and which files reach nlohmann/json. tests/tools/include-graph.test.mjs keeps the folder
// graph acyclic and the math (src/core) free of JSON; run this file to print the figures:
//   node tools/include-graph.mjs [SRC_DIR]
//
// `#include "x"` is resolved the way the compiler does it with `-I src`: first beside the including
// file, then under src/. `#include <x>` names a system or library header and is kept as written.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_EXTENSIONS = ['.h', '.cpp'];
const INCLUDE_LINE = /^\s*#\s*include\s*([<"])([^>"]+)[>"]/;
export const JSON_HEADER = 'nlohmann/json.hpp';

function listSources(dir, root = dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSources(full, root));
    else if (SOURCE_EXTENSIONS.includes(path.extname(entry.name))) files.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return files.sort();
}

// { files: ['core/dense.h', ...], includes: Map(file -> { local: [file], system: ['Eigen/Dense', ...] }) }
export function readIncludeGraph(srcDir) {
  const files = listSources(srcDir);
  const known = new Set(files);
  const includes = new Map();
  for (const file of files) {
    const local = [], system = [];
    for (const line of fs.readFileSync(path.join(srcDir, file), 'utf8').split('\n')) {
      const match = INCLUDE_LINE.exec(line);
      if (!match) continue;
      const [, delimiter, name] = match;
      if (delimiter === '<') {
        system.push(name);
        continue;
      }
      const beside = path.posix.normalize(path.posix.join(path.posix.dirname(file), name));
      if (known.has(beside)) local.push(beside);
      else if (known.has(name)) local.push(name);
      else system.push(name);  // not under src/: a library header written with quotes
    }
    includes.set(file, { local, system });
  }
  return { files, includes };
}

export const folderOf = (file) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');

// Every file `file` includes, directly or through other files of src/ (the file itself excluded).
export function transitiveLocalIncludes(graph, file) {
  const seen = new Set();
  const stack = [...graph.includes.get(file).local];
  while (stack.length) {
    const next = stack.pop();
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...graph.includes.get(next).local);
  }
  seen.delete(file);
  return seen;
}

// True when `file` includes the system header `header` itself or through any file of src/.
export function reachesSystemHeader(graph, file, header) {
  return [file, ...transitiveLocalIncludes(graph, file)].some((f) => graph.includes.get(f).system.includes(header));
}

// Map(folder -> Map(folder it includes -> [one 'from -> to' example])), self-edges left out.
export function folderGraph(graph) {
  const edges = new Map();
  for (const file of graph.files) {
    const from = folderOf(file);
    if (!edges.has(from)) edges.set(from, new Map());
    for (const target of graph.includes.get(file).local) {
      const to = folderOf(target);
      if (to === from) continue;
      const examples = edges.get(from).get(to) ?? [];
      examples.push(`${file} -> ${target}`);
      edges.get(from).set(to, examples);
    }
  }
  return edges;
}

// One cycle of the folder graph as a list of folders (first = last), or null when it has none.
export function findFolderCycle(edges) {
  const state = new Map();  // folder -> 'open' while on the current path, 'done' after
  const pathStack = [];
  const visit = (folder) => {
    state.set(folder, 'open');
    pathStack.push(folder);
    for (const next of edges.get(folder)?.keys() ?? []) {
      if (state.get(next) === 'open') return [...pathStack.slice(pathStack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    pathStack.pop();
    state.set(folder, 'done');
    return null;
  };
  for (const folder of [...edges.keys()].sort()) {
    if (state.has(folder)) continue;
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return null;
}

// The figures the closing note of issue 9 reports.
export function describe(srcDir) {
  const graph = readIncludeGraph(srcDir);
  const folders = [...new Set(graph.files.map(folderOf))].sort();
  const lines = ['files per folder (.h + .cpp):'];
  for (const folder of folders) {
    const inFolder = graph.files.filter((f) => folderOf(f) === folder);
    const cpp = inFolder.filter((f) => f.endsWith('.cpp'));
    const json = cpp.filter((f) => reachesSystemHeader(graph, f, JSON_HEADER));
    lines.push(`  ${folder}: ${inFolder.length} files (${cpp.length} .cpp, ${json.length} of them reach nlohmann/json)`);
  }
  const cpp = graph.files.filter((f) => f.endsWith('.cpp'));
  const json = cpp.filter((f) => reachesSystemHeader(graph, f, JSON_HEADER));
  lines.push(`.cpp files that include nlohmann/json directly or transitively: ${json.length} of ${cpp.length}`);
  const edges = folderGraph(graph);
  lines.push('folder include graph (folder -> folders it includes):');
  for (const folder of folders) lines.push(`  ${folder} -> ${[...(edges.get(folder)?.keys() ?? [])].sort().join(', ') || '(none)'}`);
  const cycle = findFolderCycle(edges);
  lines.push(cycle ? `folder cycle: ${cycle.join(' -> ')}` : 'no folder cycle');
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  console.log(describe(process.argv[2] ?? path.join(root, 'src')));
}

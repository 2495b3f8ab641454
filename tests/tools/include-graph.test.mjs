// The C++ folders stay layered (issue 9, part 3): no folder of src/ includes, directly or through
// others, a folder that includes it back, and the math of src/core reaches no JSON header. The
// build enforces the second for the .cpp files of src/core too (CMakeLists.txt, NN_NO_JSON_INCLUDE);
// this test also covers headers of src/core that only other folders include.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  JSON_HEADER, findFolderCycle, folderGraph, readIncludeGraph, reachesSystemHeader,
} from '../../tools/include-graph.mjs';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

// The files of src/core that reach nlohmann/json, directly or through other files of src/.
function coreFilesReachingJson(graph) {
  return graph.files
    .filter((file) => file.startsWith('core/') && reachesSystemHeader(graph, file, JSON_HEADER));
}

// A throw-away source tree: { 'core/a.h': '#include "data/b.h"', ... }.
function withTree(files, body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-includes-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return body(readIncludeGraph(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the folders of src/ include each other without a cycle', () => {
  const edges = folderGraph(readIncludeGraph(SRC));
  const cycle = findFolderCycle(edges);
  const example = cycle && edges.get(cycle[0]).get(cycle[1])[0];
  assert.equal(cycle, null, cycle && `folder cycle ${cycle.join(' -> ')} (e.g. ${example})`);
});

test('no file of src/core includes nlohmann/json, directly or through other files', () => {
  assert.deepEqual(coreFilesReachingJson(readIncludeGraph(SRC)), []);
});

test('the JSON code lives in src/spec: every other engine folder is free of nlohmann/json too', () => {
  const graph = readIncludeGraph(SRC);
  const engineFolders = ['core/', 'data/', 'run/', 'lab/'];
  const offenders = graph.files.filter((file) => engineFolders.some((folder) => file.startsWith(folder)) &&
    reachesSystemHeader(graph, file, JSON_HEADER));
  assert.deepEqual(offenders, []);
});

// core/number_text.h says why: one stream links libc++'s locale machinery into the wasm module
// (about 20 KB gzipped of the first load). The command-line tool (src/cli) is native only.
test('the engine uses no C++ stream, directly or through other files (the wasm module stays without locales)', () => {
  const graph = readIncludeGraph(SRC);
  const streams = ['sstream', 'fstream', 'iostream', 'istream', 'ostream', 'iomanip', 'locale'];
  const offenders = graph.files.filter((file) => !file.startsWith('cli/'))
    .flatMap((file) => streams.filter((header) => reachesSystemHeader(graph, file, header)).map((header) => `${file} <${header}>`));
  assert.deepEqual(offenders, []);
});

test('the checks catch a folder cycle, also through a third folder', () => {
  withTree({
    'core/a.h': '#include "data/b.h"\n',
    'data/b.h': '#pragma once\n#include "run/c.h"\n',
    'run/c.h': '#include "core/a.h"\n',
  }, (graph) => {
    const cycle = findFolderCycle(folderGraph(graph));
    assert.ok(cycle, 'a cycle is found');
    assert.deepEqual([...new Set(cycle)].sort(), ['core', 'data', 'run']);
  });
  withTree({ 'core/a.h': '', 'data/b.h': '#include "core/a.h"\n', 'spec/c.cpp': '#include "data/b.h"\n' }, (graph) => {
    assert.equal(findFolderCycle(folderGraph(graph)), null, 'layers that only include downwards are no cycle');
  });
});

test('the checks catch a stray JSON include in src/core, also one hidden behind a header of another folder', () => {
  withTree({
    'core/math.cpp': '#include "math.h"\n',
    'core/math.h': '#include "spec/reader.h"\n',
    'spec/reader.h': '#include <nlohmann/json.hpp>\n',
    'core/clean.cpp': '#include <vector>\n#include "core/clean.h"\n',
    'core/clean.h': '  #  include <cmath>\n',
  }, (graph) => {
    assert.deepEqual(coreFilesReachingJson(graph), ['core/math.cpp', 'core/math.h']);
  });
});

#!/usr/bin/env bash
# The single entry point for building, serving and testing NN Sandbox.
#
#   ./build-wasm.sh serve [PORT]   install what is missing, build everything, serve web/ on localhost
#   ./build-wasm.sh test           install what is missing, build everything, run every test suite
#   ./build-wasm.sh build          install what is missing, build native + both wasm modules + vendor files
#   ./build-wasm.sh native         build only the native core, CLI, tests and benchmark (build/)
#   ./build-wasm.sh wasm           build only the two wasm modules into web/wasm/
#   ./build-wasm.sh bundle         rebundle only the page's JavaScript (web/js -> web/dist/), in seconds
#   ./build-wasm.sh bench          build, then run the native and wasm benchmarks
#   ./build-wasm.sh sanitize       ASan + UBSan build with clang (build-sanitize/), runs every doctest suite
#   ./build-wasm.sh fuzz [SECONDS] sanitized build, then every fuzz target for SECONDS each (default 60)
#   ./build-wasm.sh format         reformat the C++ with clang-format (.clang-format), in place
#   ./build-wasm.sh deps           only install missing Debian and npm packages
#
# On a fresh Debian machine run it as root: it installs the missing Debian
# packages with apt and the front-end libraries with npm.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
JOBS=$(nproc 2>/dev/null || echo 2)

# Debian's emscripten needs its own node modules (acorn) when node comes from another package.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

# clang + libclang-rt-dev: the sanitizer runtimes and libFuzzer of the sanitize and fuzz builds;
# clang-format: the C++ style check of `test` and the `format` command.
APT_PACKAGES=(cmake g++ make libeigen3-dev doctest-dev nlohmann-json3-dev emscripten nodejs npm chromium
              dataset-fashion-mnist gzip clang libclang-rt-dev clang-format)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_debian_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  # node/npm may come from elsewhere (e.g. NodeSource); accept any working binary.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    local filtered=()
    for package in "${missing[@]}"; do [[ $package == nodejs || $package == npm ]] || filtered+=("$package"); done
    missing=("${filtered[@]+"${filtered[@]}"}")
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_npm_packages() {
  # package-lock.json pins exact versions; skip when node_modules already matches it (npm's record of
  # what it installed, node_modules/.package-lock.json, lists the same packages without the root entry,
  # and without the optional packages of other systems: esbuild's binary comes in one per os and cpu).
  if ! node -e 'const lock = require("./package-lock.json").packages; delete lock[""];
       const fits = (entry) => !entry.optional || ((!entry.os || entry.os.includes(process.platform)) &&
                                                   (!entry.cpu || entry.cpu.includes(process.arch)));
       for (const name of Object.keys(lock)) if (!fits(lock[name])) delete lock[name];
       const installed = require("./node_modules/.package-lock.json").packages;
       process.exit(JSON.stringify(lock) === JSON.stringify(installed) ? 0 : 1)' 2>/dev/null; then
    log "Installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

deps() {
  install_debian_packages
  install_npm_packages
}

build_native() {
  log "Native build (build/)"
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j "$JOBS"
}

build_wasm_flavor() {
  local flavor=$1 simd=$2
  log "WebAssembly build: $flavor"
  emcmake cmake -S . -B "build-wasm-$flavor" -DCMAKE_BUILD_TYPE=Release -DNN_WASM_SIMD="$simd" \
    -DEigen3_DIR=/usr/share/eigen3/cmake >/dev/null
  cmake --build "build-wasm-$flavor" -j "$JOBS"
  mkdir -p web/wasm
  cp "build-wasm-$flavor/nnsandbox-$flavor.wasm" web/wasm/
  # The glue script minified by esbuild (Emscripten 3.1.6 only strips its whitespace): 16.8 -> 12.6 KB
  # gzip, fetched before the first training step; the wasm tests load this same file in node.
  node_modules/.bin/esbuild "build-wasm-$flavor/nnsandbox-$flavor.mjs" --minify --log-level=error \
    --outfile="web/wasm/nnsandbox-$flavor.mjs"
}

build_wasm() {
  build_wasm_flavor simd ON
  build_wasm_flavor baseline OFF
  log "Engine catalogue for the page (web/js/catalog.generated.js)"
  node tools/make-catalog.mjs
}

# Front-end libraries from npm, copied into the static site so it works offline (no CDN).
vendor_web_libraries() {
  log "Vendoring front-end libraries into web/vendor/"
  rm -rf web/vendor
  mkdir -p web/vendor/uplot web/vendor/katex
  cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css node_modules/uplot/LICENSE web/vendor/uplot/
  cp node_modules/katex/dist/katex.mjs node_modules/katex/dist/katex.min.css node_modules/katex/LICENSE web/vendor/katex/
  cp -r node_modules/katex/dist/fonts web/vendor/katex/fonts
}

# The pages load web/js bundled into web/dist/ (tools/bundle.mjs, esbuild): after an edit of web/js,
# `./build-wasm.sh bundle` brings the pages up to date. After the catalogue (it is bundled too).
bundle_javascript() {
  log "JavaScript bundle (web/dist/)"
  node tools/bundle.mjs
}

# The service worker's file list and build id (web/sw-precache.js), after every other web/ output:
# a new build then replaces the offline copy browsers keep.
write_offline_list() {
  log "Offline file list and build id (web/sw-precache.js)"
  node tools/make-sw-precache.mjs
}

build_all() {
  deps
  build_native
  build_wasm
  vendor_web_libraries
  node tools/make-web-data.mjs
  bundle_javascript
  write_offline_list
}

# Every C++ file of the project (the core, the CLI, the bindings, the tests, fuzzers and benchmarks).
cpp_sources() {
  find src tests bench -type f \( -name '*.cpp' -o -name '*.h' \) | sort
}

# The style checks, in a few seconds: ESLint (eslint.config.js) over every JavaScript file, and
# clang-format (.clang-format) over the C++, which `./build-wasm.sh format` repairs.
run_style_checks() {
  local failed=0
  log "JavaScript style (ESLint)"
  node_modules/.bin/eslint --max-warnings 0 . || failed=1
  log "C++ style (clang-format --dry-run; ./build-wasm.sh format fixes it)"
  cpp_sources | xargs clang-format --dry-run --Werror || failed=1
  return $failed
}

format_cpp() {
  log "Formatting the C++ (clang-format -i)"
  cpp_sources | xargs clang-format -i
}

run_tests() {
  local failed=0
  run_style_checks || failed=1
  log "Native unit tests (ctest)"
  (cd build && ctest --output-on-failure) || failed=1
  log "Tool tests (node:test)"
  node --test tests/tools/ || failed=1
  if compgen -G "tests/web/*.test.mjs" >/dev/null; then
    log "Page module tests (node:test, no browser)"
    node --test tests/web/ || failed=1
  fi
  if compgen -G "tests/wasm/*.test.mjs" >/dev/null; then
    log "WebAssembly module tests (node:test)"
    node --test tests/wasm/ || failed=1
  fi
  if compgen -G "tests/e2e/*.test.mjs" >/dev/null; then
    log "Browser tests (node:test + playwright-core + /usr/bin/chromium)"
    node --test --test-concurrency=1 tests/e2e/ || failed=1
  fi
  return $failed
}

# ASan + UBSan (and libFuzzer's coverage hooks in the core) at -O1: the sanitize and fuzz builds.
build_sanitized() {
  log "Sanitizer build (build-sanitize/: clang, AddressSanitizer + UndefinedBehaviorSanitizer, -O1)"
  CC=clang CXX=clang++ cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Sanitize -DNN_SANITIZE=ON >/dev/null
  cmake --build build-sanitize -j "$JOBS" "$@"
}

# Any UBSan report stops the test that raised it (-fno-sanitize-recover=all); ASan stops on any memory error or leak.
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}

run_sanitized_tests() {
  log "Native unit tests under ASan + UBSan (ctest in build-sanitize/)"
  (cd build-sanitize && ctest --output-on-failure)
}

FUZZ_TARGETS=(run_spec model_import idx)

# Seeds of each target, gathered in build-sanitize/fuzz-seeds/TARGET (the corpus libFuzzer grows
# lives beside it, in build-sanitize/fuzz-corpus/TARGET, and is kept between runs).
gather_fuzz_seeds() {
  local seeds=build-sanitize/fuzz-seeds
  rm -rf "$seeds"
  mkdir -p "$seeds"/{run_spec,model_import,idx}
  cp examples/*.json tests/fuzz/seeds/run_spec/*.json "$seeds/run_spec/"
  cp tests/fuzz/seeds/idx/* "$seeds/idx/"
  # Two real Fashion-MNIST images and their labels (the first of the test set, count set to 2).
  local fashion=/usr/share/datasets/fashion-mnist
  { printf '\x00\x00\x08\x03\x00\x00\x00\x02\x00\x00\x00\x1c\x00\x00\x00\x1c'
    { gzip -dc "$fashion/t10k-images-idx3-ubyte.gz" || true; } | head -c 1584 | tail -c 1568
    printf '\x00\x00\x08\x01\x00\x00\x00\x02'
    { gzip -dc "$fashion/t10k-labels-idx1-ubyte.gz" || true; } | head -c 10 | tail -c 2
  } > "$seeds/idx/fashion-mnist-2.idx" 2>/dev/null
  # Models exported from the run-spec seeds (one epoch each, with the sanitized CLI); the IDX
  # seed names no real files and the diverging one ends without a model to save.
  for spec in examples/*.json tests/fuzz/seeds/run_spec/*.json; do
    build-sanitize/nnsandbox train "$spec" --epochs 1 --quiet --save "$seeds/model_import/$(basename "$spec")" \
      >/dev/null 2>&1 || rm -f "$seeds/model_import/$(basename "$spec")"
  done
}

# Replays every kept crash input (tests/fuzz/regressions/TARGET/), then fuzzes each target for
# $1 seconds; a new crash input lands in build-sanitize/fuzz-crashes/TARGET/ and fails the run.
run_fuzzers() {
  local seconds=${1:-60} failed=0
  gather_fuzz_seeds
  for target in "${FUZZ_TARGETS[@]}"; do
    local regressions=(tests/fuzz/regressions/"$target"/*) corpus=build-sanitize/fuzz-corpus/$target
    local crashes=build-sanitize/fuzz-crashes/$target
    mkdir -p "$corpus" "$crashes"
    if [ -e "${regressions[0]}" ]; then
      log "Fuzz regressions: $target (${#regressions[@]} inputs)"
      "build-sanitize/fuzz_$target" "${regressions[@]}" >/dev/null 2>"$crashes/replay.log" || { cat "$crashes/replay.log"; failed=1; }
    fi
    local dictionary=tests/fuzz/json.dict  # run specs and model files are JSON
    [ "$target" = idx ] && dictionary=tests/fuzz/idx.dict
    log "Fuzzing $target for ${seconds}s"
    "build-sanitize/fuzz_$target" "$corpus" "build-sanitize/fuzz-seeds/$target" -max_total_time="$seconds" \
      -dict="$dictionary" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$crashes/" 2>"$crashes/fuzz.log" || { tail -40 "$crashes/fuzz.log"; failed=1; }
    grep -E "^stat::number_of_executed_units" "$crashes/fuzz.log" || true
  done
  log "URL hash decoder, property-based (node:test + fast-check)"
  FUZZ_URL_RUNS=$((seconds * 300)) node --test tests/fuzz/ || failed=1
  return $failed
}

serve() {
  local port=${1:-8080}
  log "Serving web/ at http://localhost:$port/  (Ctrl-C to stop)"
  exec node tools/serve.mjs web "$port"
}

command=${1:-build}
shift || true
case "$command" in
  deps) deps ;;
  format) format_cpp ;;
  native) build_native ;;
  wasm) install_npm_packages; build_wasm; bundle_javascript; write_offline_list ;;
  bundle) install_npm_packages; bundle_javascript; write_offline_list ;;
  build) build_all ;;
  test) build_all; status=0; run_tests || status=1
        build_sanitized; run_sanitized_tests || status=1; run_fuzzers 30 || status=1; exit $status ;;
  sanitize) deps; build_sanitized --target unit_tests gradient_tests nnsandbox; run_sanitized_tests ;;
  fuzz) deps; build_sanitized; run_fuzzers "${1:-60}" ;;
  serve) build_all; serve "$@" ;;
  bench) build_all; node bench/wasm-bench.mjs; node bench/page-first-step.mjs; node bench/page-longtask.mjs; node bench/page-compare.mjs; node bench/lab-overfit.mjs ;;
  *) echo "usage: $0 {serve [PORT]|test|build|native|wasm|bundle|bench|sanitize|fuzz [SECONDS]|format|deps}" >&2; exit 2 ;;
esac

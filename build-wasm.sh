#!/usr/bin/env bash
# The single entry point for building, serving and testing NN Sandbox.
#
#   ./build-wasm.sh serve [PORT]   install what is missing, build everything, serve web/ on localhost
#   ./build-wasm.sh test           install what is missing, build everything, run every test suite
#   ./build-wasm.sh build          install what is missing, build native + both wasm modules + vendor files
#   ./build-wasm.sh native         build only the native core, CLI, tests and benchmark (build/)
#   ./build-wasm.sh wasm           build only the two wasm modules into web/wasm/
#   ./build-wasm.sh bench          build, then run the native and wasm benchmarks
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

APT_PACKAGES=(cmake g++ make libeigen3-dev doctest-dev nlohmann-json3-dev emscripten nodejs npm chromium
              dataset-fashion-mnist gzip)

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
  # package-lock.json pins exact versions; skip when node_modules already matches it.
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s <(sed -n '/"packages"/,$p' package-lock.json) \
       <(sed -n '/"packages"/,$p' node_modules/.package-lock.json) 2>/dev/null; then
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
  cp "build-wasm-$flavor/nnsandbox-$flavor.mjs" "build-wasm-$flavor/nnsandbox-$flavor.wasm" web/wasm/
}

build_wasm() {
  build_wasm_flavor simd ON
  build_wasm_flavor baseline OFF
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

build_all() {
  deps
  build_native
  build_wasm
  vendor_web_libraries
  node tools/make-web-data.mjs
}

run_tests() {
  local failed=0
  log "Native unit tests (ctest)"
  (cd build && ctest --output-on-failure) || failed=1
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

serve() {
  local port=${1:-8080}
  log "Serving web/ at http://localhost:$port/  (Ctrl-C to stop)"
  exec node tools/serve.mjs web "$port"
}

command=${1:-build}
shift || true
case "$command" in
  deps) deps ;;
  native) build_native ;;
  wasm) build_wasm ;;
  build) build_all ;;
  test) build_all; run_tests ;;
  serve) build_all; serve "$@" ;;
  bench) build_all; node bench/wasm-bench.mjs; node bench/page-first-step.mjs; node bench/page-longtask.mjs ;;
  *) echo "usage: $0 {serve [PORT]|test|build|native|wasm|bench|deps}" >&2; exit 2 ;;
esac

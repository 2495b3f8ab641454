// ESLint (flat config): the rules every JavaScript file of the project meets. `./build-wasm.sh test`
// runs it; `npx eslint .` runs it alone, `npx eslint --fix .` repairs what it can.
import js from '@eslint/js';
import globals from 'globals';

export default [
  // Built or vendored output, and what npm installs.
  { ignores: ['node_modules/', 'build/', 'build-*/', 'web/wasm/', 'web/dist/', 'web/vendor/', 'web/data/', 'web/sw-precache.js', 'web/js/catalog.generated.js', 'test-results/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An unused import, variable or argument is dead code; `_name` marks one kept on purpose
      // (a callback's position), and `catch {}` needs no name at all.
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': ['error', { destructuring: 'all' }],
      'no-implied-eval': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-shadow': ['error', { builtinGlobals: false, hoist: 'functions' }],
      'no-use-before-define': ['error', { functions: false, classes: true, variables: false }],
      'no-duplicate-imports': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'object-shorthand': ['error', 'properties'],
      'prefer-object-has-own': 'error',
    },
  },
  // The page and its workers run in the browser.
  { files: ['web/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  // engine.js also loads in node (the wasm tests, the benchmarks) and checks for it.
  { files: ['web/js/engine.js'], languageOptions: { globals: { process: 'readonly' } } },
  { files: ['web/sw.js'], languageOptions: { globals: { ...globals.serviceworker } } },
  { files: ['web/js/worker.js'], languageOptions: { globals: { ...globals.worker } } },
  // Tests, tools and benchmarks run in node (the browser tests also hand functions to the page).
  { files: ['**/*.mjs', 'eslint.config.js'], languageOptions: { globals: { ...globals.node } } },
  { files: ['tests/e2e/**', 'bench/page-*.mjs', 'bench/lab-overfit.mjs', 'tools/measure-lab-embeds.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];

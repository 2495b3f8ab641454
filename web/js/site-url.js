// The address of a file of the site (vendored libraries, the wasm engine, data files, the service
// worker), given relative to the site's root. It is computed from this module's own address, one
// folder below the root both in web/js/ (the sources) and in web/dist/ (the bundle, tools/bundle.mjs,
// whose chunks all sit directly in dist/), so one URL is right in both and on a site served from a
// sub-folder. A deeper module that resolved '../../vendor/…' against itself would point above the
// root once bundled.
export function siteUrl(path) {
  return new URL(`../${path}`, import.meta.url);
}
